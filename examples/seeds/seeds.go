// Package seeds holds the five real sessions fairfloor was built for, as
// JSON files modelled on their source documents, and loads them.
//
// Each file's notes field says what the source gives and what the model had
// to decide where the source is silent.
package seeds

import (
	"embed"
	"errors"
	"fmt"
	_ "time/tzdata" // seed 003 is in Europe/Zurich: it must load on machines without a zone database

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/balance"
	"github.com/fairfloor/fairfloor/balance/render"
)

//go:embed *.json
var files embed.FS

// names lists the sessions in the order of their source documents.
var names = []string{
	"cyber-diplomacy-roundtable",             // 000: 90-minute hybrid roundtable, Europe and the Middle East
	"multistakeholder-cyber-diplomacy-panel", // 001: 90-minute hybrid panel, 06:15-07:45 UTC, WS 4 – Room B-1
	"cyber-diplomacy-training-webdebate",     // 002: online-only web debate
	"igf-cooperation-roadmap-brainstorm",     // 003: 2-hour brainstorm, not attributed
	"sssr-concluding-session",                // 004: concluding session with parallel breakouts
}

// Default is the session examples/runofshow shows when it is given none.
const Default = "cyber-diplomacy-roundtable"

// ErrUnknown is returned by [Load] and [JSON] for a name that is not one of [Names].
var ErrUnknown = errors.New("seeds: no such session")

// Names returns the names of the sessions, in the order of their source
// documents.
func Names() []string { return append([]string(nil), names...) }

// JSON returns the JSON text of the named session.
func JSON(name string) ([]byte, error) {
	data, err := files.ReadFile(name + ".json")
	if err != nil {
		return nil, fmt.Errorf("%w: %q (have %v)", ErrUnknown, name, names)
	}
	return data, nil
}

// Load decodes the named session. It does not validate it.
func Load(name string) (*agenda.Session, error) {
	data, err := JSON(name)
	if err != nil {
		return nil, err
	}
	s := new(agenda.Session)
	if err := s.UnmarshalJSON(data); err != nil {
		return nil, fmt.Errorf("seeds: %s: %w", name, err)
	}
	return s, nil
}

// Plan validates s, plans it under p and reports the plan, and returns the
// document the renderers take.
func Plan(s *agenda.Session, p balance.Policy) (*render.Document, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	ros, al, err := balance.Plan(s, p)
	if err != nil {
		return nil, err
	}
	report, err := balance.PlanReport(ros, p)
	if err != nil {
		return nil, err
	}
	return &render.Document{RunOfShow: ros, Allocation: al, Report: report}, nil
}

// Programme returns the five sessions as one programme, in the order of
// their source documents, under the IGF's limit of three sessions per
// speaker. Only seeds 001 and 003 give a start time, so the other three are
// unscheduled and take no part in the checks of overlapping times.
func Programme() (*agenda.Programme, error) {
	p := &agenda.Programme{Title: "The five seed sessions", SessionsPerSpeaker: agenda.IGFSessionsPerSpeaker}
	for _, name := range names {
		s, err := Load(name)
		if err != nil {
			return nil, err
		}
		p.Sessions = append(p.Sessions, *s)
	}
	return p, nil
}
