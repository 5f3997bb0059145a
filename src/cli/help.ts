// The --help text: every command and flag in one screen.
export const HELP = `collateral: verified sales collateral from Markdown claims and the documents they cite

Usage: collateral <command> [options]        (every command: --root DIR, default the current folder)

Commands
  init     [DIR]: a new workspace (one claim, the document it cites, its registry entry) that builds at once
  build    parse, verify, render brochure, one-pager and deck (deck.pdf and deck.pptx) into output/
           --only brochure,one-pager,deck (or deck.pdf, deck.pptx alone)  --audience ID  --prospect NAME
           --contact NAME  --notes (also deck-notes.pdf: each slide with its speaker notes)
           --draft (render failing quotes stamped UNVERIFIED)  --paper letter|a4  --png (first-page previews)
  check    verify every quote against its cited document, and every cited URL
           --offline  --format text|json|junit|github  --allow-private-network
           --no-cache  --cache-ttl SECONDS (3600)  --timeout MS (10000)  --accept 403,429
           --live (ask every cited document again, verify its quotes against it)  --max-bytes N (50 MB)
           --archive (ask the Wayback availability API for dead links)  --archive-api URL
  fetch    [ID…] download each cited document to its local copy and lock it in sources/sources.lock
           --update (take the live version)  --local (lock the copies as they stand, no network)
           --force (with --local: also re-lock copies that differ from their lock, unnamed)
           --dry-run  --max-bytes N (52428800)  --timeout MS  --allow-private-network
  watch    build, then rebuild what each change under sources/ or templates/ affects
           --serve (live preview)  --port N  --draft  --poll (network drives, containers)
  serve    the sales portal: tailored one-pagers on demand
           --port N (4310)  --host H (127.0.0.1)  --queue N (16)  --concurrency N (cores + 1)
           --max-connections N (256)
           off loopback, one access choice: --users FILE  --trust-proxy-user HEADER  --no-auth
  users    FILE NAME: add a portal user (or set their password), asked for or read from stdin
  batch    one tailored one-pager per CSV row (audience,company,contact) into output/one-pagers/
  import   FILE: turn a plain-text document into a Markdown draft on stdout  [--title TEXT]

Reading cited documents (build, check, fetch, watch, serve, batch): past a limit a document is source-unreadable
           --read-timeout SECONDS (30)  --read-max-pages N (2000)  --read-max-mb N (100)  --read-memory-mb N (1024)

Exit status: 0 ok; 1 a quote or link failed verification; 2 bad input or usage; 3 internal error.
`;
