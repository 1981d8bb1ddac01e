package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeFlags checks what -serve refuses before it listens.
func TestServeFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"-serve", "8080"}, 2, `runofshow: -serve: "8080": want host:port, such as 127.0.0.1:8080`},
		{[]string{"-serve", "127.0.0.1:0", "-log", filepath.Join(dir, "log.json")}, 2, "the live floor writes its log as CSV"},
		{[]string{"-serve", "127.0.0.1:0", "-log", filepath.Join(dir, "no", "such", "dir.csv")}, 2, "no such file or directory"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
		if code != tt.code || !strings.Contains(stderr.String(), tt.err) {
			t.Errorf("%q: exit %d, %q; want %d with %q", tt.args, code, stderr.String(), tt.code, tt.err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "log.json")); err == nil {
		t.Errorf("-serve refused log.json, but wrote it")
	}
}
