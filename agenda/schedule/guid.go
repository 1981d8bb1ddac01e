package schedule

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// guid is a name-based UUID of version 5 (SHA-1), as RFC 9562 section 5.5
// makes it.
type guid [16]byte

// namespaceURL is the RFC 9562 namespace for URLs,
// 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
var namespaceURL = guid{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// packageURL names the namespace of every GUID this package makes, before
// the conference's acronym narrows it.
const packageURL = "https://github.com/fairfloor/fairfloor/agenda/schedule"

// newGUID returns the version 5 UUID of name in namespace ns: the first
// 16 bytes of SHA-1 over the namespace's bytes and the name's, with the
// version in the high nibble of byte 6 and the RFC 9562 variant in the
// two high bits of byte 8.
func newGUID(ns guid, name string) guid {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u guid
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

// String writes u in the 8-4-4-4-12 form, in lower case.
func (u guid) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// namer makes the GUIDs of one conference: each is the version 5 UUID of
// what it stands for, a kind and an identity, in the conference's
// namespace, the UUID of the acronym in the package's namespace. Nothing
// depends on where a session, room or person stands in a list.
type namer struct{ ns guid }

func newNamer(acronym string) namer {
	return namer{ns: newGUID(newGUID(namespaceURL, packageURL), acronym)}
}

// session returns the GUID of a session: of its ID if it has one, which
// stays when it is retitled or moved; else of its title as
// [agenda.NameKey] folds it, and also of its start when another session
// without an ID has the same title.
func (n namer) session(id, title string, start time.Time, shared bool) guid {
	if id != "" {
		return newGUID(n.ns, "session-id\x00"+id)
	}
	name := "session\x00" + agenda.NameKey(title)
	if shared {
		name += "\x00" + start.UTC().Format(time.RFC3339)
	}
	return newGUID(n.ns, name)
}

// room returns the GUID of a room, of its name as NameKey folds it.
func (n namer) room(name string) guid { return newGUID(n.ns, "room\x00"+agenda.NameKey(name)) }

// person returns the GUID of a person, of the attendee key [personKeys]
// gives.
func (n namer) person(key string) guid { return newGUID(n.ns, "person\x00"+key) }

// pause returns the GUID of a break in a room, of the room and the start.
func (n namer) pause(room string, start time.Time) guid {
	return newGUID(n.ns, "break\x00"+agenda.NameKey(room)+"\x00"+start.UTC().Format(time.RFC3339))
}

// personKeys returns the identity of each person of the programme, by
// session and person index: the person's name as NameKey folds it, and
// also the organization's when [agenda.Programme.Attendees] finds several
// attendees of that name. A nameless person has the empty key.
func personKeys(p *agenda.Programme) [][]string {
	keys := make([][]string, len(p.Sessions))
	for i := range p.Sessions {
		keys[i] = make([]string, len(p.Sessions[i].People))
	}
	attendees, _ := p.Attendees()
	names := map[string]int{}
	for _, a := range attendees {
		names[agenda.NameKey(a.Name)]++
	}
	for _, a := range attendees {
		key := agenda.NameKey(a.Name)
		if names[key] > 1 {
			key += "\x00" + agenda.NameKey(a.Organization)
		}
		for _, ap := range a.Appearances {
			keys[ap.Session][ap.Person] = key
		}
	}
	return keys
}

// numbers gives each GUID the integer id frab's formats still require: 1
// plus its first 31 bits modulo 2³¹−1, or, if another GUID has that
// number, the next free one, the GUIDs taken in their own order so that
// the numbers depend on the set of GUIDs alone.
func numbers(guids []guid) map[guid]int64 {
	sorted := make([]guid, len(guids))
	copy(sorted, guids)
	slices.SortFunc(sorted, func(a, b guid) int { return bytes.Compare(a[:], b[:]) })
	const span = 1<<31 - 1
	taken := make(map[int64]bool, len(sorted))
	ids := make(map[guid]int64, len(sorted))
	for _, u := range sorted {
		if _, ok := ids[u]; ok {
			continue
		}
		n := int64(binary.BigEndian.Uint32(u[:4])&0x7fffffff) % span
		for taken[n+1] {
			n = (n + 1) % span
		}
		taken[n+1] = true
		ids[u] = n + 1
	}
	return ids
}
