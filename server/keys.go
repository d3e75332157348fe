package server

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	gossh "golang.org/x/crypto/ssh"

	"citydiff/server/presenter"
)

// keyEntry is what the server knows of one authorized key.
type keyEntry struct {
	role presenter.Role
	name string // the key's comment, "" when it has none
}

// keyring maps authorized public keys (their wire form) to their entries.
type keyring map[string]keyEntry

// load adds the keys of an authorized_keys file with the given role. A
// presenter's entry wins over a trainee's for the same key. Options such as
// from="…" are not supported and make the file refused rather than
// silently ignored.
func (k keyring) load(path string, role presenter.Role) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("keys: %w", err)
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		pub, comment, opts, _, err := gossh.ParseAuthorizedKey(text)
		if err != nil {
			return 0, fmt.Errorf("%s:%d: not a public key line (%v)", path, line, err)
		}
		if len(opts) > 0 {
			return 0, fmt.Errorf("%s:%d: key options (%s) are not supported; remove them", path, line, opts[0])
		}
		wire := string(pub.Marshal())
		if old, ok := k[wire]; ok && old.role == presenter.Presenter && role != presenter.Presenter {
			continue
		}
		k[wire] = keyEntry{role: role, name: comment}
		n++
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

func (k keyring) lookup(pub gossh.PublicKey) (keyEntry, bool) {
	if pub == nil {
		return keyEntry{}, false
	}
	e, ok := k[string(pub.Marshal())]
	return e, ok
}
