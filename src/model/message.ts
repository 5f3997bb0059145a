// A warning about the input that does not stop the run (vfile-message style: position, reason, rule).
import { z } from "zod";
import { PositionSchema } from "./position.js";

export const MessageSchema = z.object({
  position: PositionSchema,
  reason: z.string(),
  rule: z.string(),
});
export type Message = z.infer<typeof MessageSchema>;
