package normalize

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// The data directory holds OpenCC's Traditional→Simplified dictionaries as
// exported by scripts/gen-opencc.sh, the hand-made Taiwan wording table and
// the NOTICE that goes with them.
//
//go:embed data/*
var dataFS embed.FS

const (
	fileTSPhrases    = "data/TSPhrases.txt"
	fileTSCharacters = "data/TSCharacters.txt"
	fileTaiwan       = "data/taiwan.tsv"
)

// runeInfo is everything the converter needs to know about one rune, so that
// the hot loop does a single table lookup per rune (dicts.get).
type runeInfo struct {
	// to is the Simplified form from TSCharacters (first candidate), or 0
	// when the character is not converted.
	to rune
	// ambiguous marks characters that TSCharacters converts although they are
	// also valid Simplified characters (OpenCC lists the key itself among the
	// candidates: 乾→干/乾, 於→于/於, 徵→征/徵, 夥→伙/夥 ...). They are
	// converted only in text detected as Traditional.
	ambiguous bool
	// tsMax and twMax are the longest TSPhrases / Taiwan-table key, in runes,
	// that starts with this rune; 0 when none does.
	tsMax, twMax uint8
}

// phrase is one entry of a phrase table.
//
// A phrase table also holds every proper prefix (two runes or more) of its
// keys, as entries with a nil to, so that a lookup can stop as soon as no key
// can match any more.
type phrase struct {
	to []rune // nil for an entry that is only a prefix of longer keys
	// longer says that a longer key starts with this one.
	longer bool
	// identity entries change nothing; they protect their characters from
	// shorter entries and from the character table (哪吒 keeps its 吒).
	identity bool
	// simpOK says the entry may also apply to text detected as Simplified:
	// it is an identity entry or its key has a character that is
	// unambiguously Traditional. 答覆→答复 or 覆上→复上 are not: both keys
	// are plain Simplified text.
	simpOK bool
}

type dicts struct {
	// info is filled while parsing, then moved into idx/infos/supp, a dense
	// table that is several times faster to read than a map.
	info    map[rune]runeInfo
	idx     []uint16           // BMP rune → index into infos; 0 means none
	infos   []runeInfo         // infos[0] is the zero value
	supp    map[rune]runeInfo  // runes above the BMP (𫇭 ...)
	ts      map[string]*phrase // TSPhrases, keyed by the UTF-8 of the key
	tw      map[string]*phrase // taiwan.tsv
	nChars  int                // converting TSCharacters entries
	nPhrase int                // TSPhrases entries
	nTaiwan int                // taiwan.tsv entries
}

var (
	loadOnce   sync.Once
	loadedDict *dicts
	loadErr    error
)

// load parses the embedded data once. The data is part of the binary, so a
// parse failure is a build defect: it panics (the tests load it).
func load() *dicts {
	loadOnce.Do(func() { loadedDict, loadErr = parseData() })
	if loadErr != nil {
		panic("normalize: embedded data: " + loadErr.Error())
	}
	return loadedDict
}

func parseData() (*dicts, error) {
	d := &dicts{
		info: make(map[rune]runeInfo, 4200),
		ts:   make(map[string]*phrase, 300),
		tw:   make(map[string]*phrase, 64),
	}
	chars, err := dataFS.ReadFile(fileTSCharacters)
	if err != nil {
		return nil, err
	}
	err = eachLine(chars, '\t', ' ', func(ln int, key string, cands []string) error {
		k, ok := single(key)
		if !ok {
			return fmt.Errorf("%s:%d: key %q is not one character", fileTSCharacters, ln, key)
		}
		to, ok := single(cands[0])
		if !ok {
			return fmt.Errorf("%s:%d: %q is not one character", fileTSCharacters, ln, cands[0])
		}
		if to == k {
			return nil // first candidate is the character itself: no change
		}
		amb := false
		for _, c := range cands[1:] {
			if c == key {
				amb = true
			}
		}
		d.info[k] = runeInfo{to: to, ambiguous: amb}
		d.nChars++
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.resolveChains()

	phrases, err := dataFS.ReadFile(fileTSPhrases)
	if err != nil {
		return nil, err
	}
	err = eachLine(phrases, '\t', ' ', func(ln int, key string, cands []string) error {
		return d.addPhrase(d.ts, false, fileTSPhrases, ln, key, cands[0])
	})
	if err != nil {
		return nil, err
	}

	taiwan, err := dataFS.ReadFile(fileTaiwan)
	if err != nil {
		return nil, err
	}
	err = eachLine(taiwan, '\t', 0, func(ln int, key string, cands []string) error {
		return d.addPhrase(d.tw, true, fileTaiwan, ln, key, cands[0])
	})
	if err != nil {
		return nil, err
	}
	d.index()
	return d, nil
}

// resolveChains makes every character's Simplified form final. OpenCC's
// TSCharacters maps some characters to another Traditional form that it
// maps again (薴→苧, and 苧→苎), relying on no table being read twice; one
// lookup would leave 苧. Each target is followed through the table until
// it reaches a character that is not converted, or one that is also valid
// Simplified (ambiguous: 乾, 於), where OpenCC's own choice stands. A cycle
// (none in the data) would stop where it closes.
func (d *dicts) resolveChains() {
	for k, in := range d.info {
		seen := map[rune]bool{k: true}
		for {
			next := d.info[in.to]
			if next.to == 0 || next.ambiguous || seen[next.to] {
				break
			}
			seen[in.to] = true
			in.to = next.to
		}
		d.info[k] = in
	}
}

// index moves d.info into the dense table read by get.
func (d *dicts) index() {
	d.idx = make([]uint16, 0x10000)
	d.infos = make([]runeInfo, 1, len(d.info)+1)
	d.supp = make(map[rune]runeInfo)
	for r, in := range d.info {
		if r >= 0x10000 {
			d.supp[r] = in
			continue
		}
		d.idx[r] = uint16(len(d.infos))
		d.infos = append(d.infos, in)
	}
	d.info = nil
}

// get returns what the data says about r; the zero runeInfo when nothing.
func (d *dicts) get(r rune) runeInfo {
	if r < 0x10000 {
		return d.infos[d.idx[r]]
	}
	return d.supp[r]
}

func (d *dicts) addPhrase(m map[string]*phrase, taiwan bool, file string, ln int, key, val string) error {
	k, v := []rune(key), []rune(val)
	if len(k) < 2 || len(k) > 255 || len(v) == 0 {
		// One-character keys belong in the character table.
		return fmt.Errorf("%s:%d: bad entry %q→%q: keys are 2 to 255 characters", file, ln, key, val)
	}
	old := m[key]
	if old != nil && old.to != nil {
		return fmt.Errorf("%s:%d: duplicate key %q", file, ln, key)
	}
	p := &phrase{to: v, identity: key == val, longer: old != nil}
	p.simpOK = p.identity
	for _, r := range k {
		if in := d.info[r]; in.to != 0 && !in.ambiguous {
			p.simpOK = true
		}
	}
	m[key] = p
	if taiwan {
		d.nTaiwan++
	} else {
		d.nPhrase++
	}
	for l := 2; l < len(k); l++ {
		pre := string(k[:l])
		if q := m[pre]; q != nil {
			q.longer = true
		} else {
			m[pre] = &phrase{longer: true}
		}
	}
	in := d.info[k[0]]
	if taiwan {
		in.twMax = uint8(max(int(in.twMax), len(k)))
	} else {
		in.tsMax = uint8(max(int(in.tsMax), len(k)))
	}
	d.info[k[0]] = in
	return nil
}

// eachLine calls fn for every "key<sep>value" line of data, skipping blank
// lines and lines starting with '#'. When alt is not 0 the value is split on
// it into candidates; fn always gets at least one candidate.
func eachLine(data []byte, sep, alt byte, fn func(ln int, key string, cands []string) error) error {
	for ln, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		key, val, ok := strings.Cut(line, string(sep))
		if !ok || key == "" || val == "" {
			return fmt.Errorf("line %d: want key<TAB>value, got %q", ln+1, line)
		}
		cands := []string{val}
		if alt != 0 {
			cands = strings.Split(val, string(alt))
		}
		if cands[0] == "" {
			return fmt.Errorf("line %d: empty value in %q", ln+1, line)
		}
		if err := fn(ln+1, key, cands); err != nil {
			return err
		}
	}
	return nil
}

func single(s string) (rune, bool) {
	r, n := utf8.DecodeRuneInString(s)
	return r, n == len(s) && r != utf8.RuneError
}
