package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// TestIGFAddress runs -igf on the address of a page served by httptest:
// HTML and text are imported as their content type says, and a server that
// fails, a page past agenda.MaxBytes and a server slower than the timeout
// are refused with a message that says which, exit 2.
func TestIGFAddress(t *testing.T) {
	pages := filepath.Join("..", "..", "agenda", "testdata", "igf")
	html, err := os.ReadFile(filepath.Join(pages, "2023-ws-saved.html"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(pages, "2022-ws-no-headings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	defer close(release)
	mux := http.NewServeMux()
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(html)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(text)
	})
	mux.HandleFunc("/large", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("Speaker 1: A B, Civil Society, WEOG\n"), agenda.MaxBytes/30))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer func(d time.Duration) { igfTimeout = d }(igfTimeout)
	igfTimeout = 200 * time.Millisecond

	for _, tt := range []struct {
		path   string
		code   int
		stdout []string // what the output shows
		stderr []string // what standard error says
	}{
		{"/html", 0, []string{"IGF 2023 WS #77 Satellite Broadband and Spectrum Fairness", "Hiroshi Kato", "WS 10 – Room J", "Panel - 90 Min"}, nil},
		{"/text", 0, []string{"IGF 2022 WS #123 Digital Rights and Connectivity in Rural Ethiopia", "Conference Room 7", "Meron Alemu"},
			[]string{"line 4: an organizer given by groups only"}},
		{"/missing", 2, nil, []string{"404 Not Found"}},
		{"/large", 2, nil, []string{"too large"}},
		{"/slow", 2, nil, []string{"Timeout"}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"-igf", srv.URL + tt.path}, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("the output does not show %q:\n%s", want, stdout.String())
				}
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("standard error does not say %q:\n%s", want, stderr.String())
				}
			}
		})
	}
}

// TestIGFFileKinds imports a page saved as HTML under a name that does not
// say so, and a text page: each is read as what its content is.
func TestIGFFileKinds(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join("..", "..", "agenda", "testdata", "igf")
	for _, tt := range []struct{ from, to, title string }{
		{"2022-ws-saved.html", "page", "IGF 2022 WS #350 Cloud Sovereignty Without Fragmentation"},
		{"2025-ws-job-titles.txt", "page.html", "IGF 2025 WS #210 Cross-border Data Flows and Trust"},
	} {
		data, err := os.ReadFile(filepath.Join(pages, tt.from))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, tt.to)
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, _, err := importPage(file)
		if err != nil {
			t.Fatal(err)
		}
		if s.Title != tt.title || len(s.People) == 0 {
			t.Errorf("%s saved as %s: title %q, %d people; want %q and its people", tt.from, tt.to, s.Title, len(s.People), tt.title)
		}
	}
}
