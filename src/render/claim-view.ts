// One claim as templates need it: body HTML, benefit callout, quotes, slide points and speaker notes.
import {
  type Block,
  blockInlines,
  type Claim,
  type CollateralModel,
  type ComparisonRow,
} from "../model/index.js";
import { type BodyContext, benefitHtml, blocksHtml } from "./body-html.js";
import type { CitationIndex } from "./citations.js";
import { isShortClaim } from "./claim-size.js";
import { type NoteSource, noteSources, speakerNotes } from "./deck-notes.js";
import { blockText, slideList } from "./deck-points.js";
import { safeUrl } from "./escape.js";
import { twoDigits } from "./format.js";
import { placePullQuote } from "./pull-quote.js";
import { type QuoteView, quoteViews } from "./quotes.js";

export interface ClaimView {
  id: string;
  title: string;
  /** "01", "02", … in the order the piece shows them. */
  number: string;
  anchor: string;
  /** Pipeline-produced HTML (escaped text only): safe for `{{{ }}}`. */
  bodyHtml: string;
  benefitHtml: string | null;
  quotes: QuoteView[];
  /**
   * The quotes the body prints plainly as the author's own (not struck, not only in a title, an image's alt
   * text or a `Slide:`/`Notes:` block): what the condensed one-pager lists in their place.
   */
  plainQuotes: QuoteView[];
  /** The quote set large on the slide, or null when the claim quotes nothing. */
  pullQuote: QuoteView | null;
  /**
   * Brochure: the quote set large beside the body and the body split where it hangs, so it never sits beside
   * the paragraph that holds its words; null when no quote can (it then reads once, in the text).
   */
  pullOut: { quote: QuoteView; leadHtml: string; restHtml: string } | null;
  /** Brochure: short enough (about half a page) to be kept whole on one page. */
  short: boolean;
  /**
   * Deck: the slide's points (about three; a list's top-level items), plain text with `code` spans in backticks as
   * in front matter: print them with the `code` helper.
   */
  points: string[];
  /** Deck: the first point's number when the points are an ordered list's items, else null (bullets). */
  pointsStart: number | null;
  /** Deck speaker notes: the author's `Notes:`, else the full claim text. */
  notes: string;
  /** Deck speaker notes: the documents the claim cites (title, publisher, pages, URL). */
  noteSources: NoteSource[];
  /** Characters of text: what the one-pager names when it must be cut. */
  length: number;
  /** The comparison row about this claim (the deck shows it beside the points when there is no quote). */
  comparison: ComparisonRow | null;
}

export function claimView(
  model: CollateralModel,
  claim: Claim,
  position: number,
  index: CitationIndex,
  imageFor: BodyContext["imageFor"] = () => null,
): ClaimView {
  const quotes = quoteViews(model, claim, index);
  const byId = new Map(quotes.map((q) => [q.id, q]));
  const ctx: BodyContext = {
    numberFor: (i) => index.numberFor(claim, i),
    quote: (id) => byId.get(id),
    urlFor: (i) => safeUrl(claim.citations.find((c) => c.index === i)?.url ?? ""),
    imageFor,
  };
  const quoteText = (id: string) => byId.get(id)?.text;
  const benefit = claim.blocks.find((b) => b.role === "benefit");
  // Slide and notes blocks are the deck's own: the brochure and one-pager show the body and benefit.
  const body = claim.blocks.filter((b) => b.role === "body");
  // Set large only a quote the body prints as the author's own: not one struck out, in an image's alt
  // text or in the title.
  const endorsed = quotes.filter((q) => printedPlain(body, q.id));
  const placed = placePullQuote(body, endorsed, (b) => blockText(b, quoteText));
  const slide = slideList(claim, quoteText);
  const text = [...body, ...(benefit ? [benefit] : [])].map((b) => blockText(b, quoteText, true));
  return {
    id: claim.id,
    title: claim.title,
    number: twoDigits(position),
    anchor: `claim-${claim.id}`,
    bodyHtml: blocksHtml(body, ctx),
    benefitHtml: benefit ? benefitHtml(benefit, ctx) : null,
    quotes,
    plainQuotes: endorsed,
    pullQuote: endorsed[0] ?? null,
    pullOut: placed && {
      quote: placed.quote,
      leadHtml: blocksHtml(body.slice(0, placed.at), ctx),
      restHtml: blocksHtml(body.slice(placed.at), ctx),
    },
    short: isShortClaim(body, benefit, placed !== null, (b) => blockText(b, quoteText, true)),
    points: stampedPoints(slide.points, quotes),
    pointsStart: slide.start,
    notes: speakerNotes(claim, quoteText),
    noteSources: noteSources(model, claim, index),
    length: text.filter(Boolean).join(" ").length,
    comparison: model.meta.comparison.find((row) => row.claim === claim.id) ?? null,
  };
}

/**
 * A point that prints a quote which failed (a `--draft` build) carries the quote's stamp right after its closing
 * mark, as the card and the body do: on a slide, too, a failing quote never reads as checked.
 */
function stampedPoints(points: string[], quotes: readonly QuoteView[]): string[] {
  const failing = quotes.filter((q) => q.stamp);
  return points.map((point) =>
    failing.reduce((text, q) => text.split(`“${q.text}”`).join(`“${q.text}” [${q.stamp}]`), point),
  );
}

/** Whether the body prints the quote as a quote of its own, not struck out. */
function printedPlain(body: readonly Block[], id: string): boolean {
  return body.some((b) =>
    blockInlines(b).some((i) => i.kind === "quote" && i.quote === id && !i.strike),
  );
}
