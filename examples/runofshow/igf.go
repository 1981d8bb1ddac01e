package main

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
)

// This file is -igf: an IGF session page read from a file of its text or
// its saved HTML, or fetched from its address.

// igfTimeout is how long -igf waits for a page from the network, from the
// request to the last byte; a variable so that tests can shorten it.
var igfTimeout = 30 * time.Second

// importPage imports the session of an IGF page: from its address when
// page starts with http:// or https://, else from a file, read as HTML when
// it is HTML (by its content, as a browser sniffs it) and as text
// otherwise. Neither is read past agenda.MaxBytes.
func importPage(page string) (*agenda.Session, []agenda.Warning, error) {
	if strings.HasPrefix(page, "http://") || strings.HasPrefix(page, "https://") {
		return fetchPage(page)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		return nil, nil, err
	}
	if isHTML("", data) {
		return agenda.ParseIGFHTML(bytes.NewReader(data))
	}
	return agenda.ParseIGF(bytes.NewReader(data))
}

// fetchPage fetches a page and imports it: as HTML when the server says it
// is HTML or, saying nothing, when its content is; as text otherwise.
func fetchPage(url string) (*agenda.Session, []agenda.Warning, error) {
	client := &http.Client{Timeout: igfTimeout}
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("-igf %s: %w", url, err)
	}
	req.Header.Set("Accept", "text/html, text/plain;q=0.9")
	req.Header.Set("User-Agent", "fairfloor-runofshow")
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("-igf: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("-igf %s: the server answered %s", url, resp.Status)
	}
	// One byte past the limit, so that the importer refuses a page that
	// is too large rather than reading a page cut short.
	data, err := io.ReadAll(io.LimitReader(resp.Body, agenda.MaxBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("-igf %s: %w", url, err)
	}
	var s *agenda.Session
	var warnings []agenda.Warning
	if isHTML(resp.Header.Get("Content-Type"), data) {
		s, warnings, err = agenda.ParseIGFHTML(bytes.NewReader(data))
	} else {
		s, warnings, err = agenda.ParseIGF(bytes.NewReader(data))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("-igf %s: %w", url, err)
	}
	return s, warnings, nil
}

// isHTML reports whether a page is HTML: by its content type if one is
// given, else by its first bytes, as http.DetectContentType sniffs them.
func isHTML(contentType string, data []byte) bool {
	if contentType == "" {
		contentType = http.DetectContentType(data)
	}
	media, _, err := mime.ParseMediaType(contentType)
	return err == nil && (media == "text/html" || media == "application/xhtml+xml")
}
