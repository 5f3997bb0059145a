// The claims-and-citations model: the types every stage names.

export * from "./cited-text.js";
export * from "./claim.js";
export * from "./collateral.js";
export * from "./document.js";
export * from "./error.js";
export * from "./labels.js";
export * from "./lock.js";
export * from "./message.js";
export * from "./negation.js";
export * from "./position.js";
export * from "./printable.js";
export * from "./prospect.js";
export * from "./report.js";
export * from "./source.js";
export * from "./suggest.js";
