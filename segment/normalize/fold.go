package normalize

import "unicode"

// foldRune is the per-character stage: width, punctuation, spaces and
// invisible characters, each unless o keeps it. It returns the replacement
// of r and whether r is dropped. '\r' is handled by the caller, which can
// look at the next rune. Han characters are never touched.
func (o *Options) foldRune(r rune) (rune, bool) {
	if r < 0x80 {
		if (r == '\t' || r == '\v' || r == '\f') && !o.KeepSpaces {
			return ' ', false
		}
		return r, false
	}
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs: the bulk of the text
		return r, false
	}
	if !o.KeepFullWidth {
		r = foldWidth(r)
		if r < 0x80 {
			return r, false
		}
	}
	if !o.KeepPunctuation {
		r = foldPunct(r)
	}
	if !o.KeepInvisible && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r)) {
		// Zero-width space and joiners, BOM, soft hyphen, direction marks
		// (all of category Cf), variation selectors.
		return 0, true
	}
	if !o.KeepSpaces {
		switch {
		case r == 0x85 || r == 0x2028 || r == 0x2029: // newlines that are not '\n'
			return '\n', false
		case unicode.IsSpace(r): // NBSP, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000
			return ' ', false
		}
	}
	return r, false
}

// foldWidth maps full-width forms to ASCII (Ａ→A, ０→0, （→(, ，→,) and
// half-width forms to their normal width (｡→。).
func foldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFF01 + 0x21
	}
	switch r {
	case '￠':
		return '¢'
	case '￡':
		return '£'
	case '￢':
		return '¬'
	case '￣':
		return '¯'
	case '￤':
		return '¦'
	case '￥':
		return '¥'
	case '￦':
		return '₩'
	case '｡':
		return '。'
	case '､':
		return '、'
	case '｢':
		return '「'
	case '｣':
		return '」'
	case '･':
		return '・'
	}
	return r
}

// foldPunct gives Chinese punctuation one canonical form each. Kept as they
// are: 。、《》〈〉“”‘’, dashes (— ―), ellipses, bullets.
func foldPunct(r rune) rune {
	switch r {
	// Full-width forms of ASCII punctuation, for when widths are kept.
	case '（':
		return '('
	case '）':
		return ')'
	case '，':
		return ','
	case '：':
		return ':'
	case '；':
		return ';'
	case '！':
		return '!'
	case '？':
		return '?'
	case '［':
		return '['
	case '］':
		return ']'

	// Brackets: one canonical pair, ASCII [ ] (文号 〔2020〕 and [2020]).
	case '【', '〔', '〖', '〘', '﹝':
		return '['
	case '】', '〕', '〗', '〙', '﹞':
		return ']'

	// Corner quotes (Taiwan, Hong Kong) → the mainland curly quotes.
	case '「', '﹁', '｢':
		return '“'
	case '」', '﹂', '｣':
		return '”'
	case '『', '﹃':
		return '‘'
	case '』', '﹄':
		return '’'

	// Middle dots in foreign names (马丁·路德): Taiwan's ‧ and the
	// katakana dot become the mainland U+00B7.
	case '‧', '・', '･':
		return '·'
	}
	// Small form variants U+FE50–FE6B (﹐﹑﹒﹔﹕﹖﹗﹙﹚...).
	if r >= 0xFE50 && r <= 0xFE6B {
		if s := smallForms[r-0xFE50]; s != 0 {
			return s
		}
	}
	return r
}

// smallForms maps U+FE50 + i to its ordinary form; 0 for unassigned code
// points.
var smallForms = [...]rune{
	',', '、', '.', 0, ';', ':', '?', '!', // FE50–FE57
	'—', '(', ')', '{', '}', '[', ']', '#', // FE58–FE5F (﹘ small em dash: a dash)
	'&', '*', '+', '-', '<', '>', '=', 0, // FE60–FE67
	'\\', '$', '%', '@', // FE68–FE6B
}
