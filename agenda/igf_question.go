package agenda

import (
	"regexp"
	"strconv"
	"strings"
)

// This file reads the policy questions of an IGF page: lists marked "A.",
// "1.", "1)", "1 -", "Q1:", "•" or "-", in one line or many, and questions
// one to a line.

// igfMarker matches the marker that opens an item: a letter or a number
// with a dot, a parenthesis, a colon or a dash, "Q1", or a bullet.
var igfMarker = regexp.MustCompile(`^(?:\(?([A-Ha-h]|[1-9][0-9]?)(?:[.)]|\s+[-–:]|:)|Q([1-9][0-9]?)[.:)]?|[•▪◦●*·-])\s*`)

// igfInline matches a lettered or numbered marker inside a line, after a
// space or at its start: "A. … B. … C.What …".
var igfInline = regexp.MustCompile(`(?:^|\s)\(?([A-H]|[1-9])(?:[.)]|\s+-)\s*`)

// igfAsks matches the words that open a question written without its
// question mark.
var igfAsks = regexp.MustCompile(`^(How|What|Which|Who|Whom|Whose|Why|When|Where|To what extent|In what ways?|Can|Could|Should|Would|Is|Are|Do|Does|Will|Has|Have)\b`)

// questionItem is a policy question as the page marks it.
type questionItem struct {
	id   string // the marker's letter or number, or empty
	text string
	more []string // the rest of a question broken over lines, joined at the end
	line int
}

// last returns the end of the question as read so far.
func (it *questionItem) last() string {
	if len(it.more) > 0 {
		return it.more[len(it.more)-1]
	}
	return it.text
}

// questionsOf splits a line into its questions: by the markers of a
// sequence ("A. … B. … C. …", "1. … 2. …") when it holds one, else by
// its question marks when it holds several, else the line is one item.
func questionsOf(text string, line int) []questionItem {
	if items := inlineItems(text, line); len(items) > 1 {
		return items
	}
	id, body := "", text
	if m := igfMarker.FindStringSubmatch(text); m != nil {
		id, body = strings.ToUpper(m[1]+m[2]), text[len(m[0]):]
	}
	var items []questionItem
	for body != "" {
		k := strings.Index(body, "? ")
		if k < 0 || strings.Count(body, "?") < 2 {
			items = append(items, questionItem{id: id, text: strings.TrimSpace(body), line: line})
			break
		}
		items = append(items, questionItem{id: id, text: strings.TrimSpace(body[:k+1]), line: line})
		id, body = "", strings.TrimSpace(body[k+2:])
	}
	return items
}

// inlineItems splits a line at the markers of a sequence that starts at
// its beginning: A, B, C… or 1, 2, 3…, each marker the one after the last,
// so that "U.S." or "in 2. place" within a question does not split it.
func inlineItems(text string, line int) []questionItem {
	idx := igfInline.FindAllStringSubmatchIndex(text, -1)
	if len(idx) < 2 || idx[0][0] != 0 {
		return nil
	}
	var items []questionItem
	want := text[idx[0][2]:idx[0][3]]
	start, id := -1, ""
	for _, m := range idx {
		if text[m[2]:m[3]] != want {
			continue
		}
		if start >= 0 {
			items = append(items, questionItem{id: id, text: strings.TrimSpace(text[start:m[0]]), line: line})
		}
		start, id = m[1], want
		want = nextMarker(want)
	}
	items = append(items, questionItem{id: id, text: strings.TrimSpace(text[start:]), line: line})
	return items
}

// nextMarker returns the marker after m: "B" after "A", "3" after "2".
func nextMarker(m string) string {
	if n, err := strconv.Atoi(m); err == nil {
		return strconv.Itoa(n + 1)
	}
	return string(rune(m[0] + 1))
}

// hasMarker reports whether a line opens with a list marker.
func hasMarker(text string) bool { return igfMarker.MatchString(text) }

// questionLine reports whether a line under the policy questions heading
// is part of the questions: a marked item, a question, or the rest of one
// that runs over lines; anything else ends them.
func (p *igfParser) questionLine(text string) bool {
	lower := strings.ToLower(text)
	for _, opener := range igfProseOpeners {
		if strings.HasPrefix(lower, opener) {
			return false
		}
	}
	if hasMarker(text) || strings.HasSuffix(text, "?") || igfAsks.MatchString(text) || len(p.items) == 0 {
		return true
	}
	// The rest of a question broken over lines.
	if n := len(p.items); n > 0 {
		last := p.items[n-1].last()
		return !strings.HasSuffix(last, "?") && !strings.HasSuffix(last, ".")
	}
	return false
}

// addQuestions adds the items of a line, joining a line without a marker
// to the question before it when that one is unfinished.
func (p *igfParser) addQuestions(text string) {
	if n := len(p.items); n > 0 && !hasMarker(text) && !igfAsks.MatchString(text) {
		it := &p.items[n-1]
		if last := it.last(); !strings.HasSuffix(last, "?") && !strings.HasSuffix(last, ".") {
			it.more = append(it.more, text)
			return
		}
	}
	for _, it := range questionsOf(text, p.n) {
		if it.text != "" {
			p.items = append(p.items, it)
		}
	}
}

// setQuestions makes the session's questions from the items, with the
// page's letters or numbers as IDs where they are unique, else numbers.
func (p *igfParser) setQuestions() {
	seen := map[string]bool{}
	for _, it := range p.items {
		if it.id != "" && !seen[it.id] {
			seen[it.id] = true
		} else {
			it.id = ""
		}
		text := it.text
		if len(it.more) > 0 {
			text += " " + strings.Join(it.more, " ")
		}
		p.s.Questions = append(p.s.Questions, Question{ID: it.id, Text: text})
	}
	n := 0
	for i := range p.s.Questions {
		q := &p.s.Questions[i]
		for q.ID == "" {
			n++
			if id := strconv.Itoa(n); !seen[id] {
				q.ID = id
				seen[id] = true
			}
		}
	}
}
