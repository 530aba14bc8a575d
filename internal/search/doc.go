// Package search builds the site's search index: documents in, JSON files
// out, read by the browser client in static/js/search*.js. This comment is
// the one specification of the index and of text normalisation (folding
// is package fold's, shared with the rest of the site); the Go code
// and the JavaScript client are both tested against the same vectors
// (testdata/normalize-vectors.json, rewritten by `go test -update`).
//
// # Normalisation
//
// Text and queries go through the same steps, code point by code point:
//
//  1. Fold, as package fold specifies for the whole site: combining marks
//     are dropped, the letters of the fold ranges (Latin, Greek, ligatures)
//     lose diacritics and are lower-cased ("Zoë"→"zoe", "İ"→"i", "ß"→"ss",
//     "ﬁ"→"fi"), full-width forms are the ASCII they stand for
//     ("ＣＳＴ－０００００４"→"cst-000004"), any other code point is
//     lower-cased on its own. The invisible characters that pasted text
//     carries (soft hyphen U+00AD, zero-width space, non-joiner and joiner
//     U+200B–U+200D, word joiner U+2060, byte order mark U+FEFF) fold to
//     nothing, as marks do: they neither join nor split, so
//     "cranio\u00ADsacral" is the word "craniosacral", in the text and in a
//     query alike. A reader sees one word there, and a visitor who pastes
//     it means that word. The zero-width space is a line-break opportunity
//     too, which separates words in scripts written without spaces (Thai,
//     Khmer); the site's text is English, where it comes only from pasting,
//     inside a word or a long address, so it is read as the text shows it:
//     without a break. A highlight's span covers the whole word as shown,
//     invisible characters included. In the browser, search-normalize.js
//     folds with static/js/match.js.
//  2. Split into words. A word character is a code point whose fold holds a
//     letter or a digit (\p{L}, \p{N}) other than ʼ (U+02BC, a letter to
//     Unicode and an apostrophe to a reader); only those letters and digits
//     are kept. An apostrophe (' ‘ ’ ʼ, or the full-width ＇) or a hyphen
//     (- ‐ ‑, or the full-width －) between a word character and the next
//     (marks and invisible characters aside) joins: apostrophes are
//     dropped, together with a final "'s" ("practitioner's" →
//     "practitioner", "O'Brien"→"obrien"); hyphens split a word into parts.
//     Everything else separates words. Numbers split at punctuation
//     ("1,000"→"1" "000"). Which code points are letters is the Unicode
//     version each side knows: the index reads Go's tables (Unicode 15.0),
//     a browser its own, often newer. A letter assigned since (CJK
//     Extension I, the scripts of Unicode 16 and 17) is a word character to
//     such a browser and a separator to the index, so a query made of such
//     letters finds nothing; an English site has none. On all else the two
//     sides agree: the vectors hold 300 random texts mixing every hard case
//     above with code points of every plane that Go assigns, and 20,000
//     more were compared when this was written.
//  3. Terms. Each part of a word gives a term; a word of two or more parts
//     also gives their concatenation, marked compound, after the parts
//     ("CST-000004"→"cst" "000004" "cst000004", so the registration number
//     is found as "CST-000004", "cst000004" or "000004"). A word of one
//     part that follows, as the next word, the first word of a phrase of
//     phraseList is read as the phrase's word: "near me", "near you" and
//     "near us" as "nearby" (the directory says "near you"; a visitor
//     asks for "near me"), and "book" after "to", "I", "you" or "we" as
//     "booking", the verb ("how do I book", "before you book"), so that
//     the reading lists' books do not answer for it. The first word of a
//     phrase is a stop word, so a phrase gives one term, in place of the
//     second word's; a word that gives a phrase's word starts no phrase.
//     Stop words (stopList) give no term. A word made only of the letters
//     a–z is respelt (Spelling, below) and replaced by its Porter2
//     (Snowball English) stem ("therapists" → "therapist",
//     "certification" → "certif"), except for the site's own stems
//     (siteStems): "booking", "bookings" and "booked" stem to "booking",
//     so that a search for booking a session does not list every book,
//     "complaint" and "complaints" to "complain", so that "how to
//     complain" finds the answers about complaints, and "expectant" and
//     "expecting" are their own stems, apart from "expect", so that a
//     synonym can give them the pages about pregnancy (Synonyms); anything else
//     ("tr9", "000004", "ζωη") is kept as folded. stopList, phraseList
//     and siteStems are shared verbatim with search-normalize.js.
//
// # Spelling
//
// The site is written in British English, and visitors type American
// spellings too, which Porter2 stems to other terms ("organization" to
// "organ", the term of "organs"; "pediatric" to "pediatr"). So a word of
// the letters a–z that is not a stop word is written in one spelling
// before it is stemmed, by the first of these rules that fits it, except
// that rule 2 goes on to the rules after it with its result. The lists are
// those of spell.go (spellWords, spellStarts, spellOur, spellOurEnds,
// spellRe, spellIzeEnds), shared verbatim with search-normalize.js.
//
//  1. Whole words: mom→mum, moms→mums, programme→program,
//     programmes→programs.
//  2. Beginnings: a word that starts with one of these American (or, for
//     practis, licenc, defenc and offenc, British) beginnings starts with
//     the other instead, whatever follows: anemi→anaemi,
//     anesthe→anaesthe, cesarean→caesarean, defenc→defens,
//     diarrhe→diarrhoe, edema→oedema, esophag→oesophag,
//     estrogen→oestrogen, fetal→foetal, fetus→foetus, gray→grey,
//     gynecolog→gynaecolog, hemorrhag→haemorrhag, licenc→licens,
//     maneuv→manoeuv, offenc→offens, orthoped→orthopaed,
//     pediatr→paediatr, practis→practic, skeptic→sceptic: the words a
//     visitor to a health site about babies, pregnancy, the body and
//     training is likely to type (the client carries the lists, so they
//     are kept short). So
//     "pediatrician" is "paediatrician", "practised" is "practiced" (the
//     verb and the noun are one term, as in American English) and
//     "licence" is "license". At most one beginning fits a word.
//  3. -or: a word made of one of the stems behavi, col, fav, flav, hon,
//     hum, lab, neighb, od, rum, tum, then
//     "or", then nothing or one of the endings s, ed, ing, er, ers, ful,
//     less, al, ally, ite, ites, able, ably, hood, hoods, ist, ists, is
//     written with "our" ("color"→"colour", "behavioral"→"behavioural",
//     "favorite"→"favourite"). Only these words: "our" is never written
//     "or", so "four", "hour", "your", "tour" and "contour" keep their
//     spelling, and the words British English also writes with "or"
//     ("humorous", "honorary", "laboratory") have none of the endings.
//  4. -er: a word made of one of the stems cent, centimet, fib,
//     kilomet, lit, manoeuv, met, millimet, theat,
//     then er, ers, ered or ering, is written with re, res, red or ring
//     ("center"→"centre", "centered"→"centred", and after rule 2
//     "maneuvering"→"manoeuvring"). Only these stems: words with "re" in
//     both spellings ("acre", "genre", "ogre", "mediocre") or "er"
//     ("diameter", "litter") keep theirs. "meter" and "metre" are one term.
//  5. -ize, -yze: a word that ends in "iz" or "yz" after at least three
//     letters, then e, es, ed, ing, er, ers, able, ation, ations or
//     ational, is written with "is" or "ys" ("organization" →
//     "organisation", "recognizable"→"recognisable", "analyzing" →
//     "analysing"). The three letters leave "size", "prize", "seize",
//     "maize" and their forms as they are, so "prizes" is not "prises".
//
// A word that fits a rule but has no other spelling is only renamed, in
// the text and in queries alike, and still finds itself: "resize" is
// "resise", "humoral" is "humoural". Respelling a respelt word changes
// nothing; no stop word is respelt, and none is made. Completions and
// typos (Queries) work on respelt terms: a word typed to its end finds
// both spellings, a word cut short ("organiz") only the terms that start
// with it.
//
// # Synonyms
//
// Visitors ask in their own words: "kids" for the children the site
// writes about, "physio" for a physiotherapist, "credentials" for
// certification. The index, not the client, knows these words, from a
// short curated table (synonyms.txt, embedded in the program; SynonymPath
// names it in its errors): each line is the words a visitor types, a
// colon, and the words of the text, as in
//
//	kid kids youngster youngsters: child children
//
// A document with a term of a word after the colon also gets the term of
// each word before it, as if it said that word as often, and in the same
// fields, as it says those words together; the browser finds it by that
// term like any other, so the client carries no table. The table is read
// one way: "children" does not find a page that says only "kids" ("kids"
// is informal, and a page about goats' kids is no answer to "children"),
// and a line the other way round makes a pair that means the same both
// ways ("gp: gps" and "gps: gp"). Words are read as the index reads them
// (normalised and stemmed, one term each), so "kids" and "kid" are one
// word; a stop word, a hyphenated word, the same word on both sides or a
// word written twice on one side is an error, file:line:col: message. A document that has the word itself
// keeps its own score and gets nothing from the synonym. A synonym scores
// half what the word would (BM25F as in Ranking, times 0.5), and never
// more than one less than the lowest impact of a document that has the
// word itself (1 at least): a page that says "kids" scores higher for it
// than every page that only says "children", whatever their lengths
// (unless the word's lowest impact is 1, where they tie). Synonyms work on
// terms, so a word whose stem other words share (Porter2 makes
// "expecting" and "expected" one term, "expect") would bring its synonyms
// to every search for the others, and is kept out of the table unless the
// site's stems (Normalisation) keep it apart: "expectant" and "expecting"
// (a baby) have terms of their own, and find the pages about pregnancy,
// while "what to expect" does not.
//
// A document's fragment lists the synonyms it has only as synonyms, each
// with the terms of its words that it stands for ("y", under Files), so
// that the browser links a result found by a synonym to the section where
// those words are, as it does for a word typed: there a synonym counts
// half what its word would, as in the index. Only a word's own terms
// count so, not the synonyms of its completions or typos.
//
// A site adds entries of its own under synonyms in content/site.yaml
// (package config), a mapping written as the table's lines are:
//
//	synonyms:
//	  mum mums: mother mothers
//
// Synonyms.Add reads each entry as ParseSynonyms reads a line, and its
// problems are reported at their line and column in site.yaml;
// NewVocabularyWith adds the entries to the table (a term gets the
// synonyms of both, each once, so an entry that repeats the table's
// changes nothing). A document's analysis holds its synonyms' terms, so
// analyses made with one table are not reused with another. Each
// distinct term of a document is looked up once, after its words are
// counted, not each word as it is read.
//
// # Files
//
// All files are under search/ in the output. Only the entry has a fixed
// name (serve it with revalidation); fragments are named by a hash of their
// content and shards and document table by the build's version (a hash of
// all of them), so everything but the entry can be cached for a year and a
// stale copy is never mixed with a new build. Those files are in folders
// of their own, search/v/ and search/doc/, that hold nothing else, so a
// host's rule for a folder (netlify.toml's /search/v/* and /search/doc/*)
// cannot catch the entry or the search page beside them.
//
//   - search/index.json, the entry: {"format":1, "docs":N, "kinds":[...],
//     "kindRuns":[k,n,...], "chunkSize":64, "version":V, "chunks":C,
//     "shards":[separator,...]}. Documents have ids 0..N-1, newest first
//     (undated last, then by URL), so a lower id breaks a tie in favour of
//     the newer page. kindRuns gives the kinds of the documents in id order
//     as runs of (index into kinds, count).
//   - search/v/V/s<i>.json, shards: {"term":[id, score, Δid, score, ...]}.
//     Shards hold consecutive ranges of the terms sorted by code point,
//     about 24 KB each; shard i holds the terms from separator i (the
//     shortest prefix of its first term that sorts after the last term of
//     shard i−1; "" for shard 0) up to separator i+1. A query loads only
//     the shards of its terms; the last word's prefix loads the shard of
//     the prefix and those whose separator starts with it. A score is the
//     term's impact on the document, an integer 1–255 (see Ranking for a
//     document's score for a query). A term longer than MaxTerm bytes is
//     left out: no visitor types it (the longest word of the site's text
//     makes a term of 18), and a run of letters pasted without a space,
//     such as a key or an encoded file, would otherwise weigh down its
//     shard for every search that loads it.
//   - search/v/V/t<i>.json, the document table: chunk i gives, for documents
//     i·chunkSize to (i+1)·chunkSize−1, each one's pack and its place in the
//     pack, as a flat array [pack, place, pack, place, ...].
//   - search/doc/<hash>.json, fragment packs: a JSON array of fragments, one
//     per document, {"u":url, "t":title, "k":kind, "d":description,
//     "g":tags, "w":keywords, "s":[[heading, anchor, level, text], ...],
//     "y":[[[synonym, ...], term, ...], ...]}, d, g, w and y left out
//     when empty; y gives the synonyms the document has only as synonyms
//     (Synonyms), grouped by the terms of its words they stand for, with
//     those terms, in the order the document has them, once a group. The client builds excerpts, heading sub-results
//     and phrase checks from them. Documents are packed in the caller's numbering (for a
//     site, the order of its pages), and a pack is closed once it holds
//     packLimit bytes: one long article, or a few short ones, or dozens of
//     practitioners. Creating a file costs more than writing bytes to it,
//     on every file system; packs keep the number of files a site's index
//     adds to about one per 12 KB of text, while a result still downloads
//     little more than its own text. Add hands each pack back as soon as
//     it is full.
//
// # Queries
//
// The browser reads each word of a query as a group of terms:
//
//   - its own terms: its term and its alternatives. A hyphenated word
//     gives its parts, each with the compound as its alternative; so does
//     a full UK postcode typed without its space ("BA12AB" is "ba1" and
//     "2ab", with "ba12ab"; the text's normalisation is unchanged). Two
//     words typed apart also have the term of the word they make together
//     ("cranio sacral" finds "craniosacral"), each as an alternative. A
//     few words also have the term of a variant the index keeps apart
//     (VARIANTS in search-engine.js): "teacher(s)" the term of "teaching",
//     "trainer(s)" that of "training", since Porter2 stems an agent noun
//     apart from its verb; and "book" typed without "to", "I", "you" or
//     "we" before it (not "books") is read in both senses, "book" and
//     "booking", so "book a session" finds the pages that say "to book".
//   - completions, for the last word unless a space follows it (of a
//     hyphenated word, only its last part): the terms that start with it
//     or with its term and, when none of its own terms is in the index and
//     it has no digit, the prefixes of it of four or more letters, at most
//     three shorter, that are terms of the word as it may go on: the word
//     itself, or followed by one of the endings s, ed, ing, er, ly, ment,
//     ness, ity, ation, ion, ive, ical, ic, al, ance, ence, ant, ent, able,
//     ible, ism, ist, ise, ize, ous, ful, less, y, ate, ator, ery, ary, or
//     by the rest of one whose start it ends with ("certifica" + "tion").
//     So "certifica" finds "certif", the term of "certification", wherever
//     its shard is, but not "certifi", of "certified", and "verify" is
//     never cut to "veri", of "very". Up to 30 completions are kept, most
//     frequent first.
//   - typos, for a word of 5 to 24 letters (code points) with no digit,
//     when none of its own terms or completions is in the index: the terms
//     one edit away (Damerau–Levenshtein, on the stem or on the typed
//     word), among the terms sharing its first two letters; on a large
//     site, where the terms starting with two letters fill more than 8
//     shards, its first three, or four, so that a typo costs no more to
//     download than a common word (typos are rarer at a word's start).
//     When there is none and the word has 9 letters or more, the one term
//     two edits from its stem that the most documents have, as search
//     engines allow a second typo in a long word ("practioner" finds
//     "practition", of "practitioner", rather than "practic", of
//     "practice"). Finding the words one edit away costs about 52
//     strings per letter, so a longer word (a paste of thousands of
//     letters) gets no typos.
//
// So a word with a digit (a registration number, a postcode, a year) is
// never matched one edit away nor cut short. A document matches a word
// when it has one of its group's terms. Every word is required; if no
// document has them all, the browser ranks the documents that have any, as
// long as they have every word made only of digits ("000031" of
// "CST-000031"): a number is never optional, since a page with another
// number, such as another practitioner's registration, is a wrong answer.
// A postcode's inward code ("2AB") has letters, so it is optional: pages
// name only the district. Quoted phrases must appear in that order in the
// title or one section (stop words ignored). Results can be limited to
// kinds. An exact search (what the site's search box runs when the whole
// query is a registration number, "CST-000004" or "cst 4") takes every
// word only as typed, with no completions or typos, and requires them all;
// the search box reads the number as the registration check does, in
// full-width forms too ("ＣＳＴ－０００００４").
// A search for all words (what the 404 page runs on the words of the
// missing address) requires them all too, completions and typos counting.
//
// # Ranking
//
// Impacts are BM25F computed at index time: per document, the weighted term
// frequency is title×4 + keywords×4 + headings×2 + tags×2 + description×1.5
// + body frequency / (1 − b + b·bodyLength/averageBodyLength), saturated as
// (k1+1)·w/(w+k1) with k1=1.2, b=0.75, plus a bonus for a term in a field
// that names what the document or a part of it is about, in proportion to
// the field's weight: 1 when the term is in the title or the keywords, else
// 0.5 when it is in a heading or a tag; times idf = ln(1 + (N−df+0.5)/(df+0.5)),
// scaled so the highest impact in the index is 255. Saturated, a heading's
// weight alone put the glossary's "Biodynamic craniosacral therapy" below
// a reading list that names the word three times in passing; with half
// the title's bonus, a section headed by the word (a definition, an FAQ's
// question, a course) ranks with the pages titled by it, just below
// them. The average body length is that of
// the document's class, among documents with a body: pages of prose
// (articles and other pages) form one class, and each kind of entry made
// from data (books, practitioners, training) one of its own. Against the
// site's average, a practitioner's short profile that names "sleep" once
// outranked every article about sleep.
//
// In the browser, each word of the query that a document matches gives it
// a score: the highest impact among the word's own terms when the document
// has one, whatever its completions; else the highest impact among its
// completions times 0.8, or among its typos times 0.6. Documents rank by the
// number of words they match, then by the number they match by an own
// term (a page with "fee" before one with only "feel" for "fees"), then by
// the sum of their scores, then by id: the date only breaks ties.
//
// The client links each result to its best-matching section; the top of
// the page counts as a section headed by the title, holding the
// description and the text before the first heading. A section's link is
// the document's URL with the section's anchor in place of any fragment
// the URL has: a school's document is /training/#school, and its courses'
// sections link /training/#school--course. In a section, each
// word of the query scores 2 when the heading has it and 1 when only the
// text does (times 0.8 or 0.6 when only a completion or typo of it is
// there, 0.5 when only the words a synonym of it stands for are, and
// twice that when the term is one of two words of the query:
// the word two words typed apart make, or the hyphenated word they are
// parts of, so that "light headed" links the section that says
// "light-headed" rather than the one headed "Head injuries"), times its
// rarity on the page, ln((sections + 1) / sections that have it): a word
// found in most sections says little about which to link. The section with the highest sum wins, the top of the page on a
// tie, so a title with every word of the query links the top of the page.
// The result's excerpt comes from the linked section: around its matches,
// or its opening when only its heading matches; for the top of the page,
// around the matches of the description or of the text before the first
// heading, else the opening of the page. The other sections that match
// are listed under the result, best first, with excerpts taken the same
// way.
//
// # Analysis
//
// Tokenising is most of the index's cost: a site of 10,000 articles has
// about 10 million words. The scanner hands a plain word of ASCII letters
// and digits, up to 16 bytes, to the analyser as its place in the text;
// the analyser reads it as two 64-bit words, folds its case there, and
// finds its term in a small cache of recent words keyed by those two
// words. Other words are folded code point by code point. A word the cache
// misses goes to the Vocabulary's table, shared by all workers behind a
// lock, and is stemmed only when it is new to the site.
//
// # Memory
//
// Add returns each fragment pack as soon as it is full; the Indexer keeps 8
// bytes per posting, a few fields per document, each distinct word's term
// and the fragments of the pack being filled (and of documents that arrive
// ahead of their number, at most about one per concurrent caller).
package search
