// Types for html-encoding-sniffer (jsdom's implementation of the HTML Standard's encoding sniffing), which ships none.
declare module "html-encoding-sniffer" {
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
