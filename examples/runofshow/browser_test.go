package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestHTMLInBrowser renders the HTML run-of-show of seed 000 in headless
// Chromium to PDF and PNG, and checks that it prints on one A4 page and
// raises no script error. .ci/run installs Chromium and poppler-utils and
// sets FAIRFLOOR_BROWSER=required, so that CI never skips it; elsewhere it
// is skipped when they are missing.
func TestHTMLInBrowser(t *testing.T) {
	chromium, err1 := exec.LookPath("chromium")
	pdfinfo, err2 := exec.LookPath("pdfinfo")
	if err1 != nil || err2 != nil {
		if os.Getenv("FAIRFLOOR_BROWSER") == "required" {
			t.Fatalf("chromium or pdfinfo missing: %v %v", err1, err2)
		}
		t.Skip("chromium and pdfinfo are not installed; .ci/run installs them")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "ros.html")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-format", "html", "-o", page}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	browse := func(args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}
		out, err := exec.CommandContext(ctx, chromium, append(append(base, args...), "file://"+page)...).CombinedOutput()
		if err != nil {
			t.Fatalf("chromium %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	pdf := filepath.Join(dir, "ros.pdf")
	logs := browse("--print-to-pdf="+pdf, "--no-pdf-header-footer")
	logs += browse("--screenshot="+filepath.Join(dir, "ros.png"), "--window-size=794,1123")
	if m := regexp.MustCompile(`(?i)(uncaught|console\(\d+\).*error)[^\n]*`).FindString(logs); m != "" {
		t.Errorf("the page raised a script error: %s", m)
	}
	info, err := exec.Command(pdfinfo, pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) {
		t.Errorf("the run-of-show does not print on one page:\n%s", info)
	}
	if !regexp.MustCompile(`(?m)^Page size:.*\(A4\)`).Match(info) {
		t.Errorf("the page is not A4:\n%s", info)
	}
	if png, err := os.ReadFile(filepath.Join(dir, "ros.png")); err != nil || len(png) < 1000 {
		t.Errorf("no screenshot: %v", err)
	}
}
