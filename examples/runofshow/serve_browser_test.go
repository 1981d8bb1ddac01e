package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
	"github.com/fairfloor/fairfloor/examples/seeds"
)

// helperArgs is the environment variable that makes the test binary run
// runofshow with its arguments (separated by newlines) instead of the
// tests: the browser test kills that process and starts it again.
const helperArgs = "RUNOFSHOW_HELPER_ARGS"

// TestServeHelper is runofshow itself, in a process the browser test
// starts; it is skipped otherwise.
func TestServeHelper(t *testing.T) {
	args := os.Getenv(helperArgs)
	if args == "" {
		t.Skip("runs only as the browser test's server")
	}
	os.Exit(run(strings.Split(args, "\n"), strings.NewReader(""), os.Stdout, os.Stderr))
}

// liveServer is runofshow -serve in a process of its own.
type liveServer struct {
	cmd                              *exec.Cmd
	timekeeper, moderator, projector string
}

// startServer runs runofshow -serve on addr with the log, and waits for it
// to print its addresses.
func startServer(t *testing.T, addr, log, token string) *liveServer {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestServeHelper$")
	cmd.Env = append(os.Environ(), helperArgs+"=-serve\n"+addr+"\n-log\n"+log, "RUNOFSHOW_TOKEN="+token)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ls := &liveServer{cmd: cmd}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(out)
	for ls.projector == "" && sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ": "); ok {
			switch k {
			case "timekeeper":
				ls.timekeeper = strings.TrimSpace(v)
			case "moderator":
				ls.moderator = strings.TrimSpace(v)
			case "projector":
				ls.projector = strings.TrimSpace(v)
			}
		}
	}
	if ls.projector == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the server printed no addresses: %s", stderr.String())
	}
	go func() { // keep reading, so that the server never blocks on its output
		for sc.Scan() {
		}
	}()
	return ls
}

// kill ends the server as a crash would, with SIGKILL.
func (ls *liveServer) kill() {
	ls.cmd.Process.Kill()
	ls.cmd.Wait()
}

// TestLiveFloorInBrowser drives the live floor in headless Chromium, one
// browser with a tab for the timekeeper, one for the moderator and one for
// the projector: a tap
// on a speaker starts the moderator's countdown; the state survives a
// reload and a server killed and started again on the same log; a change
// without the token is refused with 403; and after the session, -log on
// the file the server wrote audits exactly the events entered. It stores a
// screenshot of the moderator's page in testdata/live-floor.png with
// -update. .ci/run sets FAIRFLOOR_BROWSER=required, so CI never skips it.
func TestLiveFloorInBrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("FAIRFLOOR_BROWSER") == "required" {
			t.Fatalf("chromium missing: %v", err)
		}
		t.Skip("chromium is not installed; .ci/run installs it")
	}
	dir := t.TempDir()
	logFile := filepath.Join(dir, "floor.csv")
	const token = "TESTTOKEN"
	srv := startServer(t, "127.0.0.1:0", logFile, token)
	addr := strings.TrimPrefix(strings.Split(srv.moderator, "/moderator")[0], "http://")

	opts := append(chromedp.DefaultExecAllocatorOptions[:], // headless, and no throttling of the tab in the background
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(900, 1100), chromedp.Flag("disable-component-update", true))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := context.WithTimeout(alloc, 2*time.Minute)
	defer cancel()
	keeper, cancel := chromedp.NewContext(ctx)
	defer cancel()
	do := func(tab context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tab, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// until waits in tab for a JavaScript condition to hold.
	until := func(tab context.Context, what, cond string) {
		t.Helper()
		if _, err := chromedp.Run(tab, chromedp.Poll[bool](cond, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("%s (%s): %v", what, cond, err)
		}
	}
	eval := func(tab context.Context, what, expr string) int {
		t.Helper()
		v, err := chromedp.Run(tab, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	text := func(tab context.Context, sel string) string {
		t.Helper()
		v, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}

	do(keeper, "open the timekeeper's page", chromedp.Navigate(srv.timekeeper), chromedp.WaitVisible(chromedp.CSS(`button.speaker`)))
	moderator, cancel := chromedp.NewContext(keeper) // a second tab of the browser the first has started
	defer cancel()
	do(moderator, "open the moderator's page", chromedp.Navigate(srv.moderator))
	until(moderator, "the moderator's page follows the state", `document.body.dataset.seq === "0"`)
	speaker := text(keeper, `button.speaker`)
	do(keeper, "tap the first speaker", chromedp.Click(chromedp.CSS(`button.speaker`)))
	until(moderator, "the moderator sees who has the floor", fmt.Sprintf(`document.getElementById("name").textContent === %q`, speaker))
	first := eval(moderator, "read the countdown", `Number(document.getElementById("countdown").dataset.left)`)
	until(moderator, "the countdown runs", fmt.Sprintf(`Number(document.getElementById("countdown").dataset.left) <= %d`, first-1000))

	do(moderator, "reload the moderator's page", chromedp.Reload())
	until(moderator, "the reloaded page keeps the state", fmt.Sprintf(`document.body.dataset.seq === "1" && document.getElementById("name").textContent === %q`, speaker))

	// Pause, an intervention and back, then a crash.
	do(keeper, "pause", chromedp.Click(chromedp.CSS(`#pause`)))
	until(moderator, "the moderator sees the pause", `document.getElementById("status").textContent === "paused"`)
	do(keeper, "resume", chromedp.Click(chromedp.CSS(`#resume`)))
	do(keeper, "an intervention", chromedp.SendKeys(chromedp.CSS(`#who`), "Delegate of Kenya"), chromedp.Click(chromedp.CSS(`#intervention`)))
	until(moderator, "the moderator sees the intervention", `document.getElementById("status").textContent === "intervention: Delegate of Kenya"`)
	until(moderator, "the moderator is at seq 4", `document.body.dataset.seq === "4"`)
	srv.kill()
	until(moderator, "the page sees the server gone", `document.getElementById("conn").textContent !== "live"`)
	srv = startServer(t, addr, logFile, token)
	until(moderator, "the page is back after the restart, in the same state", `document.getElementById("conn").textContent === "live" && document.body.dataset.seq === "4" && document.getElementById("status").textContent === "intervention: Delegate of Kenya"`)
	projector, cancel := chromedp.NewContext(keeper) // a third tab
	defer cancel()
	do(projector, "open the projector's page", chromedp.Navigate(srv.projector))
	until(projector, "the projector shows the intervention", `document.getElementById("status").textContent === "intervention: Delegate of Kenya" && document.getElementById("countdown").textContent !== "–"`)
	do(keeper, "reload the timekeeper's page", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`#resume`)))
	until(keeper, "the timekeeper's page has the state", `document.body.dataset.seq === "4"`)
	do(keeper, "resume after the intervention", chromedp.Click(chromedp.CSS(`#resume`)))
	until(moderator, "the speaker goes on", fmt.Sprintf(`document.body.dataset.seq === "5" && document.getElementById("name").textContent === %q && !document.getElementById("status").textContent.includes("intervention")`, speaker))
	until(projector, "the projector shows the speaker", fmt.Sprintf(`document.getElementById("name").textContent === %q`, speaker))

	// The moderator's page cannot change anything, nor open the controls.
	status := eval(moderator, "post an event without the token", `(() => {
		const x = new XMLHttpRequest();
		x.open("POST", "/event", false);
		x.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
		x.send("kind=yield");
		return x.status;
	})()`)
	if status != 403 {
		t.Errorf("an event without the token: %d, want 403", status)
	}
	status = eval(moderator, "open the controls without the token", `(() => {
		const x = new XMLHttpRequest();
		x.open("GET", "/timekeeper", false);
		x.send();
		return x.status;
	})()`)
	if status != 403 {
		t.Errorf("the timekeeper's page without the token: %d, want 403", status)
	}
	if got := text(moderator, "#name"); got != speaker {
		t.Errorf("after the refused event, %q has the floor, want %q", got, speaker)
	}

	png, err := chromedp.Run(moderator, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 1000 || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("no screenshot: %d bytes", len(png))
	}
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", "live-floor.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	do(keeper, "yield", chromedp.Click(chromedp.CSS(`#yield`)))
	until(moderator, "nobody has the floor", `document.body.dataset.seq === "6"`)
	srv.kill()
	checkLiveAudit(t, logFile, speaker)
}

// checkLiveAudit checks the log the page wrote: the events entered, in
// order, and that -log audits exactly them.
func checkLiveAudit(t *testing.T, logFile, speaker string) {
	t.Helper()
	s, err := seeds.Load(seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	log, err := balance.ReadLogCSV(bytes.NewReader(data), s)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range log.Entries {
		kinds = append(kinds, e.Name+": "+e.Kind.String())
	}
	want := []string{speaker + ": speech", speaker + ": pause", "Delegate of Kenya: intervention"}
	if strings.Join(kinds, "; ") != strings.Join(want, "; ") {
		t.Fatalf("the log holds %q, want %q:\n%s", kinds, want, data)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-log", logFile}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("-log: exit %d: %s", code, stderr.String())
	}
	policy := balance.HybridPromise()
	ros, al, err := balance.Plan(s, policy)
	if err != nil {
		t.Fatal(err)
	}
	a, err := balance.AuditLog(s, ros, policy, log)
	if err != nil {
		t.Fatal(err)
	}
	var audit bytes.Buffer
	if err := render.Text(&audit, &render.Document{Draft: s, RunOfShow: ros, Allocation: al, Audit: a}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), audit.String()) {
		t.Errorf("-log does not print the audit of the log:\n%s\nwant it to hold:\n%s", stdout.String(), audit.String())
	}
	e := log.Entries[0]
	spoken := e.End.Sub(e.Start) - log.Entries[1].End.Sub(log.Entries[1].Start) - log.Entries[2].End.Sub(log.Entries[2].Start)
	if got := a.People; !strings.Contains(audit.String(), speaker) || a.Outside != log.Entries[2].End.Sub(log.Entries[2].Start) {
		t.Errorf("the audit's people %+v, outside %v", got, a.Outside)
	}
	for _, p := range a.People {
		if p.Name == speaker && (p.Actual != spoken || p.Turns != 1) {
			t.Errorf("%s audited as %v in %d turns, want %v in 1", speaker, p.Actual, p.Turns, spoken)
		}
	}
}
