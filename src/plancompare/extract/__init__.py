"""The extraction stage: a plan or review PDF read into its model (`document.extract`), in this
order: pdf and damage (pages of positioned words, damaged pages named) → lines, margins,
sidetables and tablecaptions, fieldblocks and fieldgrids (small tables beside the text with their
captions, labels over their values, fields tables without rules: read apart, their ruled grids
found and dropped by rulegrids),
columns and gutters, fieldtable, boxes (shaded asides marked), layout (each page's lines in
reading order) → flow, notes, paragraphs, headings (the document's paragraphs, footnotes apart) →
planreader or tableplan (a plan), reviewcolumns, reviewrows and reviewtable, sectionreview or
recommendations (a review), which fill drafts (a measure being read) and share numbering, demands
(a reviewer's proposals) and titles; fields reads responsibility boxes, textclean cleans PDF text,
cache keeps results by file content, reviewyaml reads reviews typed as YAML."""
