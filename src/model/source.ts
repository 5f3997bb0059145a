// A registered cited document (`sources/sources.yaml`): what it is, where it lives online and locally.
import { z } from "zod";

export const SourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "id must match [a-z0-9-]+"),
    title: z.string().min(1),
    publisher: z.string().optional(),
    url: z.string().url(),
    file: z.string().min(1),
    accessed: z
      .union([z.string(), z.date()])
      .optional()
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const RegistrySchema = z.array(SourceSchema);
export type Registry = Source[];
