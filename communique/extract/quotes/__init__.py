"""Who said what: direct and indirect quotes with their cue and speaker mention.

Modules: :mod:`.marks` (quotation marks in the raw text), :mod:`.cues` (the cue-verb
lexicon, speech nouns, the speaker of a cue, QuoteHit), :mod:`.indirect` (reported
speech), :mod:`.find` (``find_quotes``: direct quotes, then indirect ones).

``find_quotes(doc)`` is a pure function of a parsed spaCy ``Doc``; it reads the
dependency parse and a cue-verb lexicon (``data/speech_verbs.txt``) and never
re-parses (about 2% of the parse time of ``en_core_web_sm``). The speaker is the mention span in the text ("he", "The Iranian
official", "him" in "According to him"); the pipeline maps it to an actor id
through the actor stage.

Conventions:

- Direct quotes: the content span lies inside the quotation marks. Marks are
  straight ``"``, curly ``“ ”``, ``„ « »`` and the doubled apostrophes ``''``
  / backticks ````` of some wire copy. A lone apostrophe (``nations'``,
  ``Iran's``, ``Azerbaijan’s``) is never a mark; single quotes are only ever
  nested inside a double-quoted span, which is reported as one quote.
- A quote left open at the end of a paragraph continues when the next
  paragraph opens with a quotation mark (the open-quote-at-each-paragraph
  convention); the content then runs across the paragraph break.
- An interrupted quote (``"We declare," he said, "our opposition ..."``) gives
  one hit per quoted part; the parts share the cue and the speaker. A quoted
  sentence that follows an attributed quote with nothing but the rest of that
  attribution's sentence in between ("...," said Caddell, a pollster.
  "Yesterday, ..."), a quoted paragraph right before an attributed one, and a
  quoted sentence right after reported speech inherit its cue and speaker too.
  Consumers that want one quote per utterance group hits by ``cue_start``.
- The cue of a direct quote is the speech verb it hangs off or that hangs off
  it, in its sentence or the short sentence right after it ('"...?" he
  asked.'); a lexicon verb before a colon ('Caddell continued:'); or, where
  the syntax leaves no doubt, any verb ('"...," he gloated.', 'Mr. Christie
  gloated: "..."') or a name and a colon ('Bush: "..."', cue ``:``).
- A quoted phrase that does not stand as a clause of its own beside a speech
  verb (a scare quote such as only "regional mechanisms", a title) is not a
  direct quote; when it sits inside reported speech the indirect hit covering
  it carries the marks in its content.
- Indirect quotes: a cue verb with a clausal complement ("X said (that) ...",
  "X told reporters ...", "..., X said."), "according to X, ...", a cue verb
  whose complement carries a quotation ('called the plan "a disaster"'), and
  a noun naming speech ('his call for "a total ban"', "her claim that ...").
  The content is the complement (with "that"), cut at the paragraph end and
  before a trailing clause with a speech verb of its own. A parenthetical cue
  ("If the talks fail, the minister said, the army will stay") gives two hits,
  one per side, with the same cue and speaker.
- A hit whose cue lies inside the content of another hit (``"I think ...,"
  he said``; "According to him, the Republic believes that ...") is nested
  speech and is dropped: each token belongs to at most one attribution.
"""

from .cues import QuoteHit, speech_verbs
from .find import find_quotes
from .marks import quote_spans

__all__ = ["QuoteHit", "find_quotes", "quote_spans", "speech_verbs"]
