package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
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

// TestLoopbackOnly checks that a server on loopback answers only requests
// made to a loopback name or address.
func TestLoopbackOnly(t *testing.T) {
	h := loopbackOnly(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "127.0.0.2": 200,
		"evil.example:8080": 403, "192.168.1.5:8080": 403, "": 403, "localhost.evil.example": 403,
	} {
		r := httptest.NewRequest("GET", "/moderator", nil)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
	}
}
