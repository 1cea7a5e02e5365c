"""Text primitives every stage shares: folding, tokens, stems, sentences, and the patterns that
recognise bullets, headings, field labels and asks."""
