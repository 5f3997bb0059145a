// Test helper: a workspace written in every script collateral ships fonts for, with a 45-letter word and a long URL.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A 45-letter German compound: wider than a one-pager column at body size. */
export const LONG_WORD = "Informationssicherheitsbeauftragtenschulungen";

/** A registry URL with no place to break but its slashes and hyphens. */
export const LONG_URL =
  "https://docs.example.com/compliance/informationssicherheitsbeauftragtenschulungen/2026/handbuch-fuer-verantwortliche-der-informationssicherheit.html";

/** Prospect names as a salesperson types them, NFC, one per script. */
export const PROSPECTS = {
  ja: "株式会社さくらインターネット",
  "zh-Hans": "华为技术有限公司",
  "zh-Hant": "臺灣積體電路製造股份有限公司",
  ko: "삼성전자 주식회사",
  ar: "شركة أرامكو السعودية",
  he: "חברת החשמל לישראל בע״מ",
  ru: "ООО «Яндекс Облако»",
  el: "Ελληνικά Πετρέλαια Α.Ε.",
  vi: "Công ty Cổ phần Tập đoàn Hòa Phát Nguyễn",
} as const;

/** A sentence per script, each a claim's body, NFC. */
export const SENTENCES = {
  ja: "日本のお客様は、ひらがなとカタカナと漢字で書かれた資料をそのまま受け取ります。",
  "zh-Hans": "中国客户收到的资料使用简体中文，每个字都清楚地印在纸上。",
  "zh-Hant": "臺灣客戶收到的資料使用繁體中文，每個字都清楚地印在紙上。",
  ko: "한국 고객은 한글로 작성된 자료를 그대로 받아 봅니다.",
  ar: "يحصل عملاؤنا في المنطقة العربية على المواد مكتوبة من اليمين إلى اليسار.",
  he: "הלקוחות שלנו בישראל מקבלים את החומרים כתובים מימין לשמאל.",
  ru: "Наши клиенты в России получают материалы на русском языке.",
  el: "Οι πελάτες μας στην Ελλάδα λαμβάνουν το υλικό στα ελληνικά.",
  vi: "Khách hàng của chúng tôi ở Việt Nam nhận tài liệu bằng tiếng Việt có dấu đầy đủ.",
} as const;

const HEADINGS: Record<keyof typeof SENTENCES, string> = {
  ja: "日本のお客様",
  "zh-Hans": "简体中文客户",
  "zh-Hant": "繁體中文客戶",
  ko: "한국 고객",
  ar: "العملاء العرب",
  he: "לקוחות בישראל",
  ru: "Клиенты в России",
  el: "Πελάτες στην Ελλάδα",
  vi: "Khách hàng Việt Nam",
};

const CITED_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Handbook</title></head>
<body><main><h1>Handbook</h1>
<p>Every officer attends the training sessions held twice a year at headquarters.</p>
</main></body></html>
`;

function markdown(lang: string | undefined): string {
  const claims = (Object.keys(SENTENCES) as (keyof typeof SENTENCES)[]).map(
    (key) => `## ${HEADINGS[key]}\n\n${SENTENCES[key]}\n`,
  );
  return `---
title: Every script, faithfully
product: Globex
competitor: Initech
tagline: Printed as typed, in every language.
${lang ? `lang: ${lang}\n` : ""}comparison:
  - aspect: Training
    product: ${LONG_WORD}
    competitor: ${SENTENCES.ja}
---

## Long words stay in their column

The ${LONG_WORD} is one word. The handbook at docs.example.com/compliance/${LONG_WORD}/handbuch-fuer-verantwortliche says “every officer attends the training sessions” [twice a year](${LONG_URL}).

${claims.join("\n")}`;
}

/** A fresh workspace in a temp folder; `lang` goes into the front matter when given. */
export async function scriptsWorkspace(lang?: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "collateral-scripts-"));
  await mkdir(path.join(root, "sources/cited"), { recursive: true });
  await writeFile(path.join(root, "sources/every-script.md"), markdown(lang));
  await writeFile(
    path.join(root, "sources/sources.yaml"),
    `- id: handbook
  title: Handbook for the officers of information security
  publisher: Globex
  url: ${LONG_URL}
  file: cited/handbook.html
`,
  );
  await writeFile(path.join(root, "sources/cited/handbook.html"), CITED_PAGE);
  return root;
}
