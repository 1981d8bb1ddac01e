package balance

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance/internal/strictjson"
)

// Entry is one turn as a timekeeper or a speaking-time app recorded it:
// who had the floor, from when to when. A live timekeeper also records the
// interruptions of a turn (see [EntryKind]), and an open entry, whose end
// is not known yet: it records a turn when it starts, with a zero End, and
// again when it ends.
type Entry struct {
	Name  string    `json:"name"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end,omitzero"`   // zero while the entry is open
	Kind  EntryKind `json:"kind,omitempty"` // empty for a speech

	// Line is the line of the file the entry was read from by
	// [ReadLogCSV], counting from 1, so that a problem with it can say
	// where to look; 0 for an entry read otherwise. It is not written as
	// JSON.
	Line int `json:"-"`
}

// Log is what was actually said in a session, turn by turn.
type Log struct {
	Entries []Entry `json:"entries"`
}

// MaxLogEntries is the most entries a speaking log may hold. A turn every
// ten seconds of an eight-hour day is under 3,000 entries, so it is far
// above any real log, and it keeps reading, auditing and re-planning a log
// within about a second and 50 MB (see README.md, "Limits"). [ReadLogCSV]
// and [ReadLogJSON] refuse a longer log, and [AuditLog], [Replan] and
// [Rest] a longer Log built in Go, with a *LogError wrapping an
// *agenda.LimitError, which matches agenda.ErrTooLarge.
const MaxLogEntries = 100_000

// checkEntries is the one check of MaxLogEntries: nil for a log of count
// entries within it. line is the line of a CSV log where reading stopped,
// without counting the rest; 0 when all were counted.
func checkEntries(count, line int) error {
	if count <= MaxLogEntries {
		return nil
	}
	le := &agenda.LimitError{What: "log entries", Count: count, Max: MaxLogEntries, Limit: "balance.MaxLogEntries"}
	if line > 0 {
		le.Count = 0
	}
	return &LogError{Line: line, Field: "entries", Err: le}
}

// LogError reports a speaking log that cannot be read. Its Err, if not
// nil, is the error underneath: the *agenda.LimitError of a log beyond
// agenda.MaxBytes or [MaxLogEntries], the error of the reader, or an error
// of encoding/csv, such as [csv.ErrFieldCount] or [csv.ErrQuote].
type LogError struct {
	Line   int    // the line of a CSV log, counting from 1; 0 for JSON
	Field  string // the column or path
	Value  string
	Reason string
	Err    error // the error underneath, if any: see ReadLogCSV and ReadLogJSON
}

// Unwrap returns Err.
func (e *LogError) Unwrap() error { return e.Err }

// Error returns "balance: log line <n> <field> <value>: <reason>", the
// reason being Err's when there is one.
func (e *LogError) Error() string {
	at := "balance: log"
	if e.Line > 0 {
		at += fmt.Sprintf(" line %d", e.Line)
	}
	if e.Field != "" {
		at += " " + e.Field
	}
	if e.Value != "" {
		at += fmt.Sprintf(" %q", e.Value)
	}
	reason := e.Reason
	if e.Err != nil {
		reason = strings.TrimPrefix(e.Err.Error(), "agenda: ")
		if e.Reason != "" {
			reason += ": " + e.Reason
		}
	}
	return at + ": " + reason
}

// ReadLogCSV reads a speaking log as CSV with the header name,start,end (in
// any order), and optionally a fourth column kind (see [EntryKind.UnmarshalText]; an
// empty kind is a speech); lines starting with # are comments. An empty end
// is an entry still open, and a later line with the same name (as
// agenda.NameKey compares names), start and kind and an end closes it: the
// log has the closed entry where the open one was, as [AppendLogCSV]
// writes a live session's log, an entry when it starts and again when it
// ends. The fields are separated by commas, or by semicolons, as
// spreadsheets set to a European language write CSV ("name;start;end"):
// the header says which, and every line must then use it; a header that
// is neither is refused with an error that names both. Each entry keeps
// its line (Entry.Line), so that the problems [AuditLog] finds name it. A time
// is RFC 3339, or a clock time "15:04:05" or "15:04" on the day and in the
// zone of the session's slot; for a session that is not scheduled, a clock
// time counts from its start ("0:12:30"). Every error is a *LogError,
// naming the line where there is one: it wraps the error of r, and the
// error of encoding/csv for text that is not CSV, such as
// [csv.ErrFieldCount] for a line without three fields. It reads at most
// agenda.MaxBytes and [MaxLogEntries] entries, stopping at the first entry
// past the limit; beyond them the *LogError wraps an *agenda.LimitError,
// matching agenda.ErrTooLarge. A nil session is [ErrNoSession], as the
// clock times of a log are read on its slot. A leading UTF-8 byte-order
// mark, as spreadsheets write, is dropped.
func ReadLogCSV(r io.Reader, s *agenda.Session) (*Log, error) {
	if s == nil {
		return nil, ErrNoSession
	}
	data, err := strictjson.ReadInput(r)
	if err != nil {
		return nil, &LogError{Err: err}
	}
	sep := logSeparator(data)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sep
	cr.Comment = '#'
	cr.FieldsPerRecord = 0 // that of the header, checked below
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true // the fields are copied out of each record
	header, err := cr.Read()
	if err != nil {
		return nil, csvError(err, sep)
	}
	col := map[string]int{}
	for i, given := range header {
		given = strings.TrimSpace(given)
		h := strings.ToLower(given)
		line, _ := cr.FieldPos(i) // the header need not be on line 1: comments may come first
		if h != "name" && h != "start" && h != "end" && h != "kind" {
			return nil, &LogError{Line: line, Field: "header", Value: given, Reason: logHeaderWant}
		}
		if _, dup := col[h]; dup {
			return nil, &LogError{Line: line, Field: "header", Value: given, Reason: "column given twice"}
		}
		col[h] = i
	}
	for _, h := range []string{"name", "start", "end"} {
		if _, ok := col[h]; !ok {
			line, _ := cr.FieldPos(0)
			return nil, &LogError{Line: line, Field: "header", Value: strings.Join(header, string(sep)), Reason: logHeaderWant}
		}
	}
	kindCol, hasKind := col["kind"]
	open := map[openKey]int{} // the open entries, by what closes them: index in log.Entries
	// An entry per line at most, and no more than one past the limit: grown
	// as it is read, the list would be copied over and over.
	log := &Log{Entries: make([]Entry, 0, min(bytes.Count(data, []byte("\n"))+1, MaxLogEntries+1))}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			if len(log.Entries) == 0 {
				log.Entries = nil // as a log with no entries always was
			}
			return log, nil
		}
		if err != nil {
			return nil, csvError(err, sep)
		}
		line, _ := cr.FieldPos(0)
		e := Entry{Name: strings.TrimSpace(rec[col["name"]]), Line: line}
		if e.Name == "" {
			return nil, &LogError{Line: line, Field: "name", Reason: "empty"}
		}
		if hasKind {
			k, err := parseEntryKind(rec[kindCol])
			if err != nil {
				err.(*LogError).Line = line
				return nil, err
			}
			if k != EntrySpeech {
				e.Kind = k // a speech is the zero value, as a log without the column reads
			}
		}
		for _, f := range []struct {
			name string
			to   *time.Time
		}{{"start", &e.Start}, {"end", &e.End}} {
			text := strings.TrimSpace(rec[col[f.name]])
			if f.name == "end" && text == "" {
				break // open
			}
			t, err := parseLogTime(text, s)
			if err != nil {
				return nil, &LogError{Line: line, Field: f.name, Value: rec[col[f.name]], Reason: err.Error()}
			}
			*f.to = t
		}
		key := openKey{agenda.NameKey(e.Name), e.Start.UnixNano(), e.Kind}
		if i, ok := open[key]; ok && !e.End.IsZero() {
			log.Entries[i].End = e.End // the line that closes an open entry
			delete(open, key)
			continue
		}
		if err := checkEntries(len(log.Entries)+1, line); err != nil {
			return nil, err
		}
		if e.End.IsZero() {
			open[key] = len(log.Entries)
		}
		log.Entries = append(log.Entries, e)
	}
}

// openKey is what a line that closes an open entry repeats of it.
type openKey struct {
	name  string
	start int64
	kind  EntryKind
}

// WriteLogCSV writes log as CSV that [ReadLogCSV] reads back: the header
// name,start,end,kind and a line per entry (see [AppendLogCSV]). For a nil
// or empty log it writes the header alone, with which a file that
// AppendLogCSV appends to starts.
func WriteLogCSV(w io.Writer, log *Log) error {
	if _, err := io.WriteString(w, "name,start,end,kind\n"); err != nil {
		return err
	}
	var entries []Entry
	if log != nil {
		entries = log.Entries
	}
	return AppendLogCSV(w, entries...)
}

// AppendLogCSV writes the entries as lines of the CSV that [WriteLogCSV]
// writes, in one Write call, so that a live session can append each event
// to its log as it happens: the times in RFC 3339 with the fraction of a
// second they have, an open entry's end empty, a speech's kind empty. It
// refuses an entry without a name or with a kind that is none of the kinds
// with a *LogError, writing nothing.
func AppendLogCSV(w io.Writer, entries ...Entry) error {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	for i, e := range entries {
		if strings.TrimSpace(e.Name) == "" {
			return &LogError{Field: fmt.Sprintf("entries[%d].name", i), Reason: "empty"}
		}
		if _, err := parseEntryKind(string(e.Kind)); err != nil {
			err.(*LogError).Field = fmt.Sprintf("entries[%d].kind", i)
			return err
		}
		for _, t := range []time.Time{e.Start, e.End} {
			if err := rfc3339(t); err != nil {
				return &LogError{Field: fmt.Sprintf("entries[%d]", i), Value: t.String(), Reason: err.Error()}
			}
		}
		end, kind := "", ""
		if !e.End.IsZero() {
			end = e.End.Format(time.RFC3339Nano)
		}
		if !e.Speech() {
			kind = string(e.Kind)
		}
		record := []string{e.Name, e.Start.Format(time.RFC3339Nano), end, kind}
		if strings.HasPrefix(e.Name, "#") {
			// encoding/csv leaves a leading # unquoted, and ReadLogCSV would
			// read the line as a comment: the name is quoted here.
			cw.Flush()
			b.WriteString(`"` + strings.ReplaceAll(e.Name, `"`, `""`) + `",`)
			record = record[1:]
		}
		cw.Write(record) // errors are those of b, which has none
	}
	cw.Flush()
	_, err := w.Write(b.Bytes())
	return err
}

// logHeaderWant is what a log's header must be.
const logHeaderWant = "want the columns name, start and end, and optionally kind, separated by commas (name,start,end) or semicolons (name;start;end)"

// logSeparator returns the separator of a CSV log: a semicolon if its
// header, the first line that is not blank or a comment, reads as the
// columns with semicolons between them and not with commas, and a
// comma otherwise, whose header errors then say what is wanted.
func logSeparator(data []byte) rune {
	for _, sep := range []rune{',', ';'} {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.Comma, cr.Comment, cr.FieldsPerRecord, cr.LazyQuotes = sep, '#', -1, true
		header, err := cr.Read()
		if err != nil || len(header) < 3 || len(header) > 4 {
			continue
		}
		seen := map[string]bool{}
		for _, h := range header {
			seen[strings.ToLower(strings.TrimSpace(h))] = true
		}
		if seen["name"] && seen["start"] && seen["end"] {
			return sep
		}
	}
	return ','
}

// csvError turns an error of encoding/csv into a *LogError that wraps it;
// a line with too few or too many fields is told which separator the
// header set.
func csvError(err error, sep rune) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		le := &LogError{Line: pe.Line, Err: pe.Err}
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			le.Reason = "want the fields of the header, separated by commas as in it"
			if sep == ';' {
				le.Reason = "want the fields of the header, separated by semicolons as in it"
			}
		}
		return le
	}
	if err == io.EOF {
		return &LogError{Reason: "empty: want a header name,start,end"}
	}
	return &LogError{Err: err}
}

// parseLogTime reads a time of a log, as ReadLogCSV describes.
func parseLogTime(text string, s *agenda.Session) (time.Time, error) {
	if len(text) >= len("2006-01-02T15:04:05Z") && text[4] == '-' { // else no RFC 3339 time, and a failed Parse costs its error
		if t, err := time.Parse(time.RFC3339Nano, text); err == nil {
			return t, rfc3339(t)
		}
	}
	loc := s.Slot.Start.Location()
	y, m, d := s.Slot.Start.Date()
	for _, layout := range []string{"15:04:05", "15:04"} {
		if c, err := time.Parse(layout, text); err == nil {
			return time.Date(y, m, d, c.Hour(), c.Minute(), c.Second(), 0, loc), nil
		}
	}
	// An unscheduled session's clock counts from its start: "0:12:30", "1:05:00",
	// or, from a stopwatch, "0:5:3".
	if h, min, sec, ok := stopwatch(text); ok && h < 24 && min < 60 && sec < 60 && !s.Slot.Scheduled() {
		return s.Slot.Start.Add(time.Duration(h)*time.Hour + time.Duration(min)*time.Minute + time.Duration(sec)*time.Second), nil
	}
	return time.Time{}, errors.New(`want an RFC 3339 time or a clock time such as "15:04:05"`)
}

// stopwatch reads "h:m:s", each part one or two digits and nothing else
// around them (fmt.Sscanf would take "0:12:30x" and "-0:12:30").
func stopwatch(text string) (h, m, s int, ok bool) {
	parts := strings.Split(text, ":")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, part := range parts {
		if len(part) == 0 || len(part) > 2 {
			return 0, 0, 0, false
		}
		for _, c := range []byte(part) {
			if c < '0' || c > '9' {
				return 0, 0, 0, false
			}
			n[i] = 10*n[i] + int(c-'0')
		}
	}
	return n[0], n[1], n[2], true
}

// ReadLogJSON reads a speaking log as JSON, {"entries": [{"name", "start",
// "end"}]}, with RFC 3339 times, strictly (an unknown field or one given
// twice is an error naming its path): JSON that is not a log, an error of r and input beyond
// agenda.MaxBytes are *agenda.DecodeError values. An entry without a name
// or with a time RFC 3339 cannot write is a *LogError naming it, and a log
// of more than [MaxLogEntries] entries a *LogError wrapping an
// *agenda.LimitError, matching agenda.ErrTooLarge.
func ReadLogJSON(r io.Reader) (*Log, error) {
	data, err := strictjson.ReadInput(r)
	if err != nil {
		return nil, &agenda.DecodeError{Err: err}
	}
	log := &Log{}
	if err := strictjson.Decode(data, log); err != nil {
		return nil, err
	}
	if err := checkEntries(len(log.Entries), 0); err != nil {
		return nil, err
	}
	for i, e := range log.Entries {
		if strings.TrimSpace(e.Name) == "" {
			return nil, &LogError{Field: fmt.Sprintf("entries[%d].name", i), Reason: "empty"}
		}
		for _, f := range []struct {
			name string
			t    time.Time
		}{{"start", e.Start}, {"end", e.End}} {
			if err := rfc3339(f.t); err != nil {
				return nil, &LogError{Field: fmt.Sprintf("entries[%d].%s", i, f.name), Value: f.t.Format(time.RFC3339Nano), Reason: err.Error()}
			}
		}
	}
	return log, nil
}

// rfc3339 refuses a time that time.Parse reads but RFC 3339, and so
// encoding/json, cannot write back: an offset of 24 hours, such as "+24:00"
// or "+23:60".
func rfc3339(t time.Time) error {
	if _, off := t.Zone(); -24*60*60 < off && off < 24*60*60 && 0 <= t.Year() && t.Year() <= 9999 {
		return nil // MarshalText would write it; asking it costs a slice for every time of a log
	}
	if _, err := t.MarshalText(); err != nil {
		return errors.New("the offset is outside ±23:59, which RFC 3339 cannot write")
	}
	return nil
}

// repeats returns, per entry of log, 1 + the index of the earlier entry it
// repeats exactly (the same person, start, end and kind), or 0: a line
// written twice counts once, in an audit and in a re-plan alike.
func repeats(log *Log) []int {
	type moment struct {
		sec  int64
		nsec int
	}
	type entryKey struct {
		name       string
		start, end moment
		kind       EntryKind
	}
	out := make([]int, len(log.Entries))
	firstOf := make(map[entryKey]int, len(log.Entries))
	for i, e := range log.Entries {
		k := entryKey{agenda.NameKey(e.Name), moment{e.Start.Unix(), e.Start.Nanosecond()}, moment{e.End.Unix(), e.End.Nanosecond()}, cmp.Or(e.Kind, EntrySpeech)}
		if j, ok := firstOf[k]; ok {
			out[i] = j + 1
			continue
		}
		firstOf[k] = i
	}
	return out
}
