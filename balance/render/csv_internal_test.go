package render

import "testing"

// TestCSVCell checks which cells get a quote in front, as OWASP lists the
// cells a spreadsheet may read as a formula; issue 13 found NUL and spaces
// before = let through.
func TestCSVCell(t *testing.T) {
	for _, tt := range []struct {
		in, want string
	}{
		{"", ""},
		{"Ana Moreno", "Ana Moreno"},
		{"=1+2", "'=1+2"},
		{"+1 Org", "'+1 Org"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1+2", "'\t=1+2"},
		{"\rCR", "'\rCR"},
		{"\nLF", "'\nLF"},
		{"\x00=1", "'\x00=1"},
		{"\x00plain", "'\x00plain"},
		{" =1+1", "' =1+1"},
		{"   +cmd", "'   +cmd"},
		{" \t @x", "' \t @x"},
		{"＝1+1", "'＝1+1"},
		{" plain", " plain"},
		{"   ", "   "},
		{"a=1", "a=1"},
		{"1-2", "1-2"},
		{"10:00:00", "10:00:00"},
	} {
		if got := csvCell(tt.in); got != tt.want {
			t.Errorf("csvCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
