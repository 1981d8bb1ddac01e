package schedule

import "testing"

// TestNewGUID checks the version 5 UUIDs against RFC 9562's own example
// (appendix A.4) and against Python's uuid.uuid5, an independent
// implementation, for the namespaces this package makes.
func TestNewGUID(t *testing.T) {
	dns := guid{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	conference := newNamer("igf_2025").ns
	for _, tc := range []struct {
		name string
		got  guid
		want string
	}{
		{"RFC 9562 A.4", newGUID(dns, "www.example.com"), "2ed6657d-e927-568b-95e1-2665a8aea6a2"},
		// python3 -c "import uuid; print(uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, 'https://github.com/fairfloor/fairfloor/agenda/schedule'), 'igf_2025'))"
		{"conference", conference, "fa3f15b5-9033-5336-bfc0-dc1f5ad8eb11"},
		{"session", newGUID(conference, "session\x00opening <plenary> & welcome"), "17bf01bb-5e9d-56aa-9ab5-63dddeb26350"},
		{"room", newGUID(conference, "room\x00plenary hall"), "056bc75b-9909-52b0-a2f0-ca5985c802b8"},
	} {
		if s := tc.got.String(); s != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, s, tc.want)
		}
	}
}

// TestNumbers checks that ids are unique, positive, within 31 bits, and
// depend on the set of GUIDs, not on their order, even when two GUIDs
// start alike.
func TestNumbers(t *testing.T) {
	a := guid{0x80, 0, 0, 1}
	b := guid{0x00, 0, 0, 1, 0xff} // the same first 31 bits as a
	c := newGUID(namespaceURL, "c")
	one := numbers([]guid{a, b, c})
	two := numbers([]guid{c, b, a, a})
	for _, u := range []guid{a, b, c} {
		if one[u] != two[u] || one[u] < 1 || one[u] > 1<<31-1 {
			t.Errorf("%s: ids %d and %d", u, one[u], two[u])
		}
	}
	if one[a] == one[b] {
		t.Errorf("a and b share id %d", one[a])
	}
}
