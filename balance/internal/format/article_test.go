package format

import "testing"

func TestA(t *testing.T) {
	for noun, want := range map[string]string{"gender": "a gender", "age": "an age", "UN regional group": "a UN regional group", "Affiliation": "an Affiliation", "UNESCO role": "a UNESCO role", "university": "a university", "élite group": "an élite group", "European group": "a European group", "one-off role": "a one-off role", "": "a "} {
		if got := A(noun); got != want {
			t.Errorf("A(%q) = %q, want %q", noun, got, want)
		}
	}
}
