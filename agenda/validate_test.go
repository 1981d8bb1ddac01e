package agenda

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fairfloor/fairfloor/timeslot"
)

// validSession returns a fresh, valid hybrid session: 85 minutes of
// segments in a 90-minute slot, an onsite moderator and an online one.
func validSession() *Session {
	return &Session{
		Title:  "Cyber norms across regions",
		Format: FormatHybrid,
		Slot:   timeslot.Slot{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 90 * time.Minute},
		People: []Person{
			{Name: "Ana Moderator", Organization: "ECCRI", Roles: []Role{RoleOrganizer, RoleModerator},
				Stakeholder: stakeholderCivilSociety, Region: regionWEOG, Mode: ModeOnsite, Zone: "Europe/Zurich"},
			{Name: "Ben Online", Roles: []Role{RoleOnlineModerator},
				Stakeholder: stakeholderGovernment, Region: regionAfrican, Mode: ModeOnline},
			{Name: "Sione Tupou’tuah", Roles: []Role{RoleSpeaker}, Stakeholder: stakeholderTechnicalCommunity,
				Region: regionAsiaPacific, Mode: ModeOnline, Zone: "Pacific/Tongatapu", Gender: "man",
				Private: []string{"gender", "organization"}, Labels: map[string]string{"age": "youth"}},
			{Name: "Dana Speaker", Roles: []Role{RoleSpeaker}, Stakeholder: stakeholderPrivateSector,
				Region: regionGRULAC, Mode: ModeOnsite},
			{Name: "Eve Rapporteur", Roles: []Role{RoleRapporteur}},
		},
		Questions: []Question{{ID: "A", Text: "Who sets the norms?"}, {ID: "B", Text: "Who keeps them?"}},
		Segments: []Segment{
			{Title: "Opening", Kind: kindOpening, Length: 10 * time.Minute, Facilitators: []string{"Ana Moderator", "Ben Online"}},
			{Title: "Roundtable", Kind: kindDiscussion, Length: 60 * time.Minute,
				Speakers: []string{"Sione Tupou’tuah", "Dana Speaker"}, Facilitators: []string{"Ana Moderator"}, Questions: []string{"A", "B"}},
			{Title: "Closing", Kind: kindClosing, Length: 15 * time.Minute, Facilitators: []string{"Ana Moderator"}},
		},
		Attendance: Attendance{People: 25, Women: 6, Online: 2},
	}
}

// withBreakouts replaces the roundtable of s by three 40-minute breakouts on
// tracks A, B and C, and shortens the closing so the session fills 85 minutes.
func withBreakouts(s *Session) {
	s.Segments = []Segment{
		s.Segments[0],
		{Title: "Breakout A", Kind: kindBreakout, Length: 40 * time.Minute, Track: "A", Speakers: []string{"Sione Tupou’tuah"}, Facilitators: []string{"Ana Moderator"}},
		{Title: "Breakout B", Kind: kindBreakout, Length: 40 * time.Minute, Track: "B", Speakers: []string{"Dana Speaker"}, Facilitators: []string{"Ben Online"}},
		{Title: "Breakout C", Kind: kindBreakout, Length: 40 * time.Minute, Track: "C", Facilitators: []string{"Eve Rapporteur"}},
		{Title: "Closing", Kind: kindClosing, Length: 35 * time.Minute, Facilitators: []string{"Ana Moderator"}},
	}
}

// problem is what a test compares of a *ValidationError.
type problem struct {
	Field, Value string
	Err          error
}

// problems extracts every *ValidationError from the error Validate returns.
// Anything else in it is a failure.
func problems(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var list []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		list = joined.Unwrap()
	} else {
		list = []error{err}
	}
	var out []problem
	for _, e := range list {
		var ve *ValidationError
		if !errors.As(e, &ve) {
			t.Errorf("Validate returned %T %v, want only *ValidationError values", e, e)
			continue
		}
		out = append(out, problem{ve.Field, ve.Value, ve.Err})
	}
	return out
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *Session)
		want   []problem
		reason string
	}{
		{
			name:   "Valid",
			edit:   func(s *Session) {},
			reason: "the starting session has no problem, so every other row shows the effect of its edit alone",
		},
		{
			name:   "ValidUnscheduled",
			edit:   func(s *Session) { s.Slot.Start = time.Time{} },
			reason: "a proposal has a length but no start yet",
		},
		{
			name:   "ValidNoAttendance",
			edit:   func(s *Session) { s.Attendance = Attendance{} },
			reason: "zero counts mean not reported",
		},
		{
			name:   "MissingFormat",
			edit:   func(s *Session) { s.Format = "" },
			want:   []problem{{"format", "", errMissing}},
			reason: "the format decides which modes and roles fit; without it nothing else about them is checked",
		},
		{
			name:   "UnknownFormat",
			edit:   func(s *Session) { s.Format = Format("panel") },
			want:   []problem{{"format", "panel", ErrInvalid}},
			reason: "a format built in Go from any string is checked against the canonical values",
		},
		{
			name:   "UnknownAttribution",
			edit:   func(s *Session) { s.Attribution = "Chatham House" },
			want:   []problem{{"attribution", "Chatham House", ErrInvalid}},
			reason: "a spelling ParseAttribution accepts is not a canonical value",
		},
		{
			name:   "SlotLengthZero",
			edit:   func(s *Session) { s.Slot.Length = 0 },
			want:   []problem{{"slot.length", "0s", errLength}},
			reason: "a slot needs a length; no overrun is reported against a slot of none",
		},
		{
			name: "SegmentLengthZero",
			edit: func(s *Session) {
				s.Segments[1].Length = 0
				s.Segments[2].Length = 75 * time.Minute
			},
			want:   []problem{{"segments[1].length", "0s", errLength}},
			reason: "every segment takes time",
		},
		{
			name: "SegmentLengthNegative",
			edit: func(s *Session) {
				s.Segments[1].Length = -5 * time.Minute
				s.Segments[2].Length = 75 * time.Minute
			},
			want:   []problem{{"segments[1].length", "-5m0s", errLength}},
			reason: "a negative length is reported, and placed as zero so it does not hide an overrun",
		},
		{
			name:   "SegmentNoTitleNoKind",
			edit:   func(s *Session) { s.Segments[2].Title, s.Segments[2].Kind = " ", "" },
			want:   []problem{{"segments[2].title", "", errMissing}, {"segments[2].kind", "", errMissing}},
			reason: "a segment needs a title and a kind",
		},
		{
			name:   "SegmentUnknownKind",
			edit:   func(s *Session) { s.Segments[2].Kind = SegmentKind("keynote") },
			want:   []problem{{"segments[2].kind", "keynote", ErrInvalid}},
			reason: "kinds built in Go are checked",
		},
		{
			name:   "EmptyPersonName",
			edit:   func(s *Session) { s.People[4].Name = "" },
			want:   []problem{{"people[4].name", "", errMissing}},
			reason: "people are identified by name",
		},
		{
			name:   "BlankPersonName",
			edit:   func(s *Session) { s.People[4].Name = "  " },
			want:   []problem{{"people[4].name", "  ", errMissing}},
			reason: "a name of spaces is no name, and the value shows it as given",
		},
		{
			name:   "TwoNamelessPeople",
			edit:   func(s *Session) { s.People[3].Name, s.People[4].Name = "", "" },
			want:   []problem{{"people[3].name", "", errMissing}, {"people[4].name", "", errMissing}, {"segments[1].speakers[1]", "Dana Speaker", errNoPerson}},
			reason: "two missing names are two missing names, not a duplicate",
		},
		{
			name: "DuplicatePerson",
			edit: func(s *Session) {
				s.People = append(s.People, Person{Name: "Dana Speaker", Roles: []Role{RoleSpeaker}, Mode: ModeOnsite})
			},
			want:   []problem{{"people[5].name", "Dana Speaker", errDuplicate}},
			reason: "segments refer to people by name, so names must be unique",
		},
		{
			name: "DuplicatePersonCase",
			edit: func(s *Session) {
				s.People = append(s.People, Person{Name: "DANA  speaker", Roles: []Role{RoleSpeaker}, Mode: ModeOnsite})
			},
			want:   []problem{{"people[5].name", "DANA  speaker", errDuplicate}},
			reason: "names match ignoring case and runs of spaces",
		},
		{
			name: "DuplicatePersonApostrophe",
			edit: func(s *Session) {
				s.People = append(s.People, Person{Name: "Sione Tupou'tuah", Roles: []Role{RoleSpeaker}, Mode: ModeOnline})
			},
			want:   []problem{{"people[5].name", "Sione Tupou'tuah", errDuplicate}},
			reason: "a curly and a straight apostrophe spell the same name",
		},
		{
			name:   "NoRoles",
			edit:   func(s *Session) { s.People[4].Roles = nil },
			want:   []problem{{"people[4].roles", "", errMissing}},
			reason: "everyone takes part in some role",
		},
		{
			name:   "EmptyRole",
			edit:   func(s *Session) { s.People[4].Roles = []Role{RoleRapporteur, ""} },
			want:   []problem{{"people[4].roles[1]", "", errMissing}},
			reason: "an empty role in the list is a hole, not a role",
		},
		{
			name:   "UnknownRegion",
			edit:   func(s *Session) { s.People[3].Region = Region("Mars") },
			want:   []problem{{"people[3].region", "Mars", ErrInvalid}},
			reason: "a region built in Go from any string is checked",
		},
		{
			name: "UnknownEnumsOfPerson",
			edit: func(s *Session) {
				s.People[4].Roles = []Role{"attendee"}
				s.People[4].Stakeholder = "Academia"
				s.People[4].Mode = "both"
				s.People[4].Private = []string{"name", "email"}
			},
			want: []problem{
				{"people[4].roles[0]", "attendee", ErrInvalid},
				{"people[4].stakeholder", "Academia", ErrInvalid},
				{"people[4].mode", "both", ErrInvalid},
				{"people[4].private[1]", "email", ErrInvalid},
			},
			reason: "every enumeration of a person is checked, in the order of the fields",
		},
		{
			name:   "BadZone",
			edit:   func(s *Session) { s.People[0].Zone = "Mars/Base" },
			want:   []problem{{"people[0].zone", "Mars/Base", ErrInvalid}},
			reason: "zones are IANA names, used to show local times",
		},
		{
			name: "OnlineSpeakerOnsiteSession",
			edit: func(s *Session) {
				s.Format = FormatOnsite
				for i := range s.People {
					s.People[i].Mode = ModeOnsite
				}
				s.People[2].Mode = ModeOnline
			},
			want:   []problem{{"people[2].mode", "online", errModeConflict}},
			reason: "nobody can join an onsite session online",
		},
		{
			name: "OnsitePersonOnlineSession",
			edit: func(s *Session) {
				s.Format = FormatOnline
				for i := range s.People {
					s.People[i].Mode = ModeOnline
				}
				s.People[3].Mode = ModeOnsite
			},
			want:   []problem{{"people[3].mode", "onsite", errModeConflict}},
			reason: "an online session has no room to be in",
		},
		{
			name:   "HybridSpeakerNoMode",
			edit:   func(s *Session) { s.People[3].Mode = "" },
			want:   []problem{{"people[3].mode", "", errMissing}},
			reason: "balancing a hybrid session needs every speaker's mode",
		},
		{
			name:   "HybridModeratorNoMode",
			edit:   func(s *Session) { s.People[0].Mode = "" },
			want:   []problem{{"people[0].mode", "", errMissing}},
			reason: "moderators need a mode too",
		},
		{
			name:   "HybridRapporteurNoMode",
			edit:   func(s *Session) { s.People[4].Mode = "" },
			reason: "a rapporteur neither speaks nor moderates, so no mode is needed",
		},
		{
			name:   "HybridNoOnlineModerator",
			edit:   func(s *Session) { s.People[1].Roles = []Role{RoleOrganizer} },
			want:   []problem{{"people", "online moderator", errRoleMissing}},
			reason: "a hybrid session needs someone to bring in the online speakers",
		},
		{
			name:   "HybridNoModerator",
			edit:   func(s *Session) { s.People[0].Roles = []Role{RoleOrganizer, RoleFacilitator} },
			want:   []problem{{"people", "moderator", errRoleMissing}},
			reason: "a facilitator is not the room's moderator in a hybrid session",
		},
		{
			name: "OnsiteNobodyModerates",
			edit: func(s *Session) {
				s.Format = FormatOnsite
				for i := range s.People {
					s.People[i].Mode = ModeOnsite
				}
				s.People[0].Roles = []Role{RoleOrganizer, RoleSpeaker}
				s.People[1].Roles = []Role{RoleOrganizer}
			},
			want:   []problem{{"people", "moderator", errRoleMissing}},
			reason: "an onsite session needs someone who moderates or facilitates",
		},
		{
			name: "OnsiteFacilitatorEnough",
			edit: func(s *Session) {
				s.Format = FormatOnsite
				for i := range s.People {
					s.People[i].Mode = ModeOnsite
				}
				s.People[0].Roles = []Role{RoleOrganizer, RoleFacilitator}
				s.People[1].Roles = []Role{RoleOrganizer}
			},
			reason: "outside hybrid sessions a facilitator is enough",
		},
		{
			name: "UnknownSpeakerAndFacilitator",
			edit: func(s *Session) {
				s.Segments[1].Speakers = append(s.Segments[1].Speakers, "Zed Nobody")
				s.Segments[1].Facilitators = []string{"Ghost"}
			},
			want: []problem{
				{"segments[1].speakers[2]", "Zed Nobody", errNoPerson},
				{"segments[1].facilitators[0]", "Ghost", errNoPerson},
			},
			reason: "segments name only people of the session",
		},
		{
			name: "SpeakerNamedWithOtherCaseAndApostrophe",
			edit: func(s *Session) {
				s.Segments[1].Speakers = []string{"sione tupou'tuah", " DANA SPEAKER "}
			},
			reason: "segments match names as Roster.Person does",
		},
		{
			name:   "UnknownQuestion",
			edit:   func(s *Session) { s.Segments[1].Questions = []string{"A", "C"} },
			want:   []problem{{"segments[1].questions[1]", "C", errNoQuestion}},
			reason: "segments take up only the session's questions",
		},
		{
			name:   "DuplicateQuestion",
			edit:   func(s *Session) { s.Questions = append(s.Questions, Question{ID: "A", Text: "Again?"}) },
			want:   []problem{{"questions[2].id", "A", errDuplicate}},
			reason: "question IDs are what segments refer to",
		},
		{
			name:   "MissingQuestionID",
			edit:   func(s *Session) { s.Questions = append(s.Questions, Question{Text: "Which one?"}) },
			want:   []problem{{"questions[2].id", "", errMissing}},
			reason: "a question without an ID cannot be referred to",
		},
		{
			name:   "BreakoutsValid",
			edit:   withBreakouts,
			reason: "three breakouts with different people, side by side, are fine",
		},
		{
			name: "DoubleBookedParallel",
			edit: func(s *Session) {
				withBreakouts(s)
				s.Segments[3].Speakers = []string{"Sione Tupou'tuah"}
			},
			want:   []problem{{"segments[1].speakers[0]", "Sione Tupou’tuah", errDoubleBooked}},
			reason: "tracks A and C run at the same time; the apostrophe does not hide the clash",
		},
		{
			name: "DoubleBookedFacilitator",
			edit: func(s *Session) {
				withBreakouts(s)
				s.Segments[2].Facilitators = []string{"Ana Moderator"}
			},
			want:   []problem{{"segments[1].facilitators[0]", "Ana Moderator", errDoubleBooked}},
			reason: "facilitators cannot be in two rooms either",
		},
		{
			name: "SameTrackSequential",
			edit: func(s *Session) {
				withBreakouts(s)
				s.Segments[1].Length = 20 * time.Minute
				s.Segments[2] = Segment{Title: "Breakout A, part 2", Kind: kindBreakout, Length: 20 * time.Minute, Track: "A",
					Speakers: []string{"Sione Tupou’tuah"}, Facilitators: []string{"Ana Moderator"}}
			},
			reason: "segments of one track follow each other, so one person may be in both",
		},
		{
			name: "BreakoutThenPlenary",
			edit: func(s *Session) {
				withBreakouts(s)
				s.Segments[4].Speakers = []string{"Sione Tupou’tuah", "Dana Speaker"}
			},
			reason: "the plenary after a parallel run starts when the run ends",
		},
		{
			name:   "Overrun",
			edit:   func(s *Session) { s.Segments[2].Length = 25 * time.Minute },
			want:   []problem{{"segments", "1h35m", ErrOverrun}},
			reason: "95 minutes of segments do not fit in 90",
		},
		{
			name:   "ExactFit",
			edit:   func(s *Session) { s.Segments[2].Length = 20 * time.Minute },
			reason: "90 minutes fit in 90",
		},
		{
			name:   "Underfill",
			edit:   func(s *Session) { s.Segments[2].Length = 5 * time.Minute },
			want:   []problem{{"segments", "1h15m", errUnderfill}},
			reason: "15 minutes of a 90-minute slot left unplanned is more than maxUnplanned",
		},
		{
			name:   "UnderfillJustBeyond",
			edit:   func(s *Session) { s.Segments[2].Length = 10 * time.Minute },
			want:   []problem{{"segments", "1h20m", errUnderfill}},
			reason: "10 minutes left is more than a tenth of 90",
		},
		{
			name:   "UnderfillWithin",
			edit:   func(s *Session) { s.Segments[2].Length = 11 * time.Minute },
			reason: "9 minutes left is exactly a tenth of 90, which is allowed",
		},
		{
			name:   "NoSegments",
			edit:   func(s *Session) { s.Segments = nil },
			want:   []problem{{"segments", "0s", errUnderfill}},
			reason: "a session with no segments leaves its whole slot unplanned",
		},
		{
			name:   "WomenMoreThanPeople",
			edit:   func(s *Session) { s.Attendance.Women = 30 },
			want:   []problem{{"attendance.women", "30", errCount}},
			reason: "a part cannot exceed the whole",
		},
		{
			name:   "OnlineMoreThanPeople",
			edit:   func(s *Session) { s.Attendance.Online = 26 },
			want:   []problem{{"attendance.online", "26", errCount}},
			reason: "a part cannot exceed the whole",
		},
		{
			name:   "WomenWithoutPeople",
			edit:   func(s *Session) { s.Attendance = Attendance{Women: 6} },
			reason: "a report may give the women but not the total",
		},
		{
			name: "NegativeCounts",
			edit: func(s *Session) { s.Attendance = Attendance{People: -1, Women: -2, Online: -3} },
			want: []problem{
				{"attendance.people", "-1", errCount},
				{"attendance.women", "-2", errCount},
				{"attendance.online", "-3", errCount},
			},
			reason: "counts are never negative",
		},
		{
			name: "ManyProblems",
			edit: func(s *Session) {
				s.Format = ""
				s.Slot.Length = 0
				s.People[1].Region = "Mars"
				s.People = append(s.People, Person{Name: "ben online", Roles: []Role{RoleSpeaker}})
				s.Questions = append(s.Questions, Question{ID: "B"})
				s.Segments[1].Length = 0
				s.Segments[2].Speakers = []string{"Nobody"}
				s.Attendance.Women = 30
			},
			want: []problem{
				{"format", "", errMissing},
				{"slot.length", "0s", errLength},
				{"people[1].region", "Mars", ErrInvalid},
				{"people[5].name", "ben online", errDuplicate},
				{"questions[2].id", "B", errDuplicate},
				{"segments[1].length", "0s", errLength},
				{"segments[2].speakers[0]", "Nobody", errNoPerson},
				{"attendance.women", "30", errCount},
			},
			reason: "every problem comes back at once, in the order of the fields",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validSession()
			tt.edit(s)
			err := s.Validate()
			got := problems(t, err)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Validate: %s\nmismatch (-want +got):\n%s\nerror:\n%v", tt.reason, diff, err)
			}
			if (err == nil) != (len(tt.want) == 0) {
				t.Errorf("Validate() = %v, want nil exactly when there is no problem", err)
			}
			checkMessages(t, err)
		})
	}
}

// checkMessages checks that every problem in err prints the package prefix,
// its field path and its kind, and that errors.Is finds each kind in the
// joined error.
func checkMessages(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ve *ValidationError
		if !errors.As(e, &ve) {
			continue // problems reports it
		}
		msg := ve.Error()
		if !strings.HasPrefix(msg, "agenda: ") {
			t.Errorf("%q does not start with %q", msg, "agenda: ")
		}
		if !strings.HasPrefix(msg, "agenda: "+ve.Field) {
			t.Errorf("%q does not name the field %q first", msg, ve.Field)
		}
		if kind := strings.TrimPrefix(ve.Err.Error(), "agenda: "); !strings.Contains(msg, kind) {
			t.Errorf("%q does not say what is wrong, %q", msg, kind)
		}
		if !strings.Contains(err.Error(), msg) {
			t.Errorf("the joined error does not contain %q", msg)
		}
		if !errors.Is(err, ve.Err) {
			t.Errorf("errors.Is(err, %v) = false on the joined error", ve.Err)
		}
	}
}

func TestValidationErrorMessage(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(s *Session)
		want   string
		reason string
	}{
		{
			name:   "Overrun",
			edit:   func(s *Session) { s.Segments[2].Length = 25 * time.Minute },
			want:   `agenda: segments "1h35m": segments overrun the slot: 1h35m of segments in a 1h30m slot: 5m over`,
			reason: "the message gives the time used, the slot and the overrun",
		},
		{
			name:   "Underfill",
			edit:   func(s *Session) { s.Segments[2].Length = 5 * time.Minute },
			want:   `agenda: segments "1h15m": segments leave too much of the slot unplanned: 1h15m of segments in a 1h30m slot: 15m unplanned`,
			reason: "the message gives the time left",
		},
		{
			name:   "MissingValue",
			edit:   func(s *Session) { s.People[4].Roles = nil },
			want:   `agenda: people[4].roles: missing value: a person needs at least one role`,
			reason: "an empty value is left out rather than printed as \"\"",
		},
		{
			name: "Duplicate",
			edit: func(s *Session) {
				s.People = append(s.People, Person{Name: "dana speaker", Roles: []Role{RoleSpeaker}, Mode: ModeOnsite})
			},
			want:   `agenda: people[5].name "dana speaker": listed twice: same person as people[3]`,
			reason: "the message points at the first person with the name",
		},
		{
			name: "ModeConflict",
			edit: func(s *Session) {
				s.Format = FormatOnline
				for i := range s.People {
					s.People[i].Mode = ModeOnline
				}
				s.People[0].Mode = ModeOnsite
			},
			want:   `agenda: people[0].mode "onsite": participation mode does not fit the session format: people[0] is onsite in an online session`,
			reason: "the message points at the person by place, never by name, which may be hidden",
		},
		{
			name: "DoubleBooked",
			edit: func(s *Session) {
				withBreakouts(s)
				s.Segments[2].Facilitators = []string{"Ana Moderator"}
			},
			want:   `agenda: segments[1].facilitators[0] "Ana Moderator": person in two parallel segments at once: also in segments[2] (track "B") at the same time`,
			reason: "the message names the other segment and its track",
		},
		{
			name:   "InvalidEnum",
			edit:   func(s *Session) { s.People[3].Region = "Mars" },
			want:   `agenda: people[3].region "Mars": invalid value: valid: African Group, Asia-Pacific Group, Eastern European Group, GRULAC, WEOG, Intergovernmental Organization`,
			reason: "the message lists the valid values",
		},
		{
			name:   "ControlCharacter",
			edit:   func(s *Session) { s.Segments[1].Title = "Talk\x1b[2J" },
			want:   `agenda: segments[1].title "Talk\x1b[2J": text holds a character it may not: U+001B at byte 4 is a control character`,
			reason: "the message names the field and the character as U+XXXX, and quotes the value escaped",
		},
		{
			name:   "InvalidUTF8",
			edit:   func(s *Session) { s.Room = "Room \xff" },
			want:   `agenda: room "Room \xff": text holds a character it may not: byte 5 is invalid UTF-8 (byte 0xFF)`,
			reason: "invalid UTF-8 is named by its byte",
		},
		{
			name:   "SlotEndsInYear10000",
			edit:   func(s *Session) { s.Slot.Start = time.Date(9999, 12, 31, 23, 30, 0, 0, time.UTC) },
			want:   `agenda: slot.length "1h30m": time outside the years 0001–9999: the slot ends in year 10000`,
			reason: "09_year10000_json_ics.json: a slot ending past 9999 cannot be written as JSON or ICS",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validSession()
			tt.edit(s)
			err := s.Validate()
			if err == nil {
				t.Fatalf("Validate() = nil, want %q", tt.want)
			}
			var msgs []string
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				msgs = append(msgs, e.Error())
			}
			if diff := cmp.Diff([]string{tt.want}, msgs); diff != "" {
				t.Errorf("problems: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// seed004 is the agenda of seed 004: a welcome, three parallel breakouts,
// a plenary and a conclusion, 110 minutes in all, in an onsite session.
func seed004(slot time.Duration) *Session {
	people := []Person{
		{Name: "Host", Roles: []Role{RoleOrganizer, RoleModerator}, Mode: ModeOnsite},
		{Name: "Facilitator One", Roles: []Role{RoleFacilitator}, Mode: ModeOnsite},
		{Name: "Facilitator Two", Roles: []Role{RoleFacilitator}, Mode: ModeOnsite},
		{Name: "Facilitator Three", Roles: []Role{RoleFacilitator}, Mode: ModeOnsite},
	}
	return &Session{
		Title:  "Seed 004",
		Format: FormatOnsite,
		Slot:   timeslot.Slot{Length: slot},
		People: people,
		Segments: []Segment{
			{Title: "Welcome and Introduction", Kind: kindOpening, Length: 5 * time.Minute, Facilitators: []string{"Host"}},
			{Title: "Break-out discussion 1", Kind: kindBreakout, Length: 40 * time.Minute, Track: "1", Facilitators: []string{"Facilitator One"}},
			{Title: "Break-out discussion 2", Kind: kindBreakout, Length: 40 * time.Minute, Track: "2", Facilitators: []string{"Facilitator Two"}},
			{Title: "Break-out discussion 3", Kind: kindBreakout, Length: 40 * time.Minute, Track: "3", Facilitators: []string{"Facilitator Three"}},
			{Title: "Plenary Q&A", Kind: kindPlenary, Length: 60 * time.Minute, Facilitators: []string{"Host"}},
			{Title: "Conclusion", Kind: kindClosing, Length: 5 * time.Minute, Facilitators: []string{"Host"}},
		},
	}
}

func TestValidateSeed004(t *testing.T) {
	tests := []struct {
		name   string
		slot   time.Duration
		want   []problem
		reason string
	}{
		{"90m", 90 * time.Minute, []problem{{"segments", "1h50m", ErrOverrun}},
			"parallel breakouts count once: 5+40+60+5 = 110 minutes, not 190, and that overruns 90"},
		{"120m", 120 * time.Minute, nil,
			"110 minutes in 120 leaves 10, within maxUnplanned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := seed004(tt.slot).Validate()
			if diff := cmp.Diff(tt.want, problems(t, err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("Validate: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			if got := errors.Is(err, ErrOverrun); got != (len(tt.want) > 0) {
				t.Errorf("errors.Is(err, ErrOverrun) = %v on %v", got, err)
			}
			var ve *ValidationError
			if len(tt.want) > 0 && (!errors.As(err, &ve) || ve.Field != "segments") {
				t.Errorf("errors.As(err, *ValidationError) did not find the overrun in %v", err)
			}
			checkMessages(t, err)
		})
	}
}

func TestSessionPerson(t *testing.T) {
	s := validSession()
	tests := []struct {
		name   string
		query  string
		want   int // index in s.People, or -1 for not found
		reason string
	}{
		{"Exact", "Dana Speaker", 3, "the name as written"},
		{"Case", "dana SPEAKER", 3, "case is ignored"},
		{"Spaces", "  Dana   Speaker ", 3, "surrounding and repeated spaces are ignored"},
		{"CurlyApostrophe", "Sione Tupou’tuah", 2, "as written, with a curly apostrophe"},
		{"StraightApostrophe", "sione tupou'tuah", 2, "a straight apostrophe matches a curly one"},
		{"LeftQuote", "Sione Tupou‘tuah", 2, "so does a left single quote"},
		{"NotFound", "Zed Nobody", -1, "nobody of that name"},
		{"Prefix", "Dana", -1, "a first name alone is not a match"},
		{"Empty", "", -1, "an empty name names nobody"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := s.Roster().Person(tt.query)
			if tt.want < 0 {
				if ok || got != nil {
					t.Errorf("Person(%q) = %+v, %v; want nil, false: %s", tt.query, got, ok, tt.reason)
				}
				return
			}
			if !ok || got != &s.People[tt.want] {
				t.Fatalf("Person(%q) = %p, %v; want &People[%d] (%p), true: %s", tt.query, got, ok, tt.want, &s.People[tt.want], tt.reason)
			}
		})
	}

	t.Run("NamelessPerson", func(t *testing.T) {
		s := validSession()
		s.People[4].Name = ""
		if got, ok := s.Roster().Person(""); ok {
			t.Errorf("Person(%q) = %+v, true; want false: Validate matches no reference to a nameless person", "", got)
		}
		if got, ok := s.Roster().Person("  "); ok {
			t.Errorf("Person(%q) = %+v, true; want false", "  ", got)
		}
	})

	t.Run("PointerIntoSession", func(t *testing.T) {
		s := validSession()
		p, _ := s.Roster().Person("Eve Rapporteur")
		p.Mode = ModeOnline
		if s.People[4].Mode != ModeOnline {
			t.Errorf("a change through Person's result did not reach the session")
		}
	})
}

// nameKeyTests are names and the keys they are compared by.
var nameKeyTests = []struct {
	name, want, reason string
}{
	{"dana speaker", "dana speaker", "already a key"},
	{"Dana Speaker", "dana speaker", "case is ignored"},
	{"  Dana \t\n Speaker  ", "dana speaker", "surrounding space and runs of space are one space"},
	{"Sione Tupou’tuah", "sione tupou'tuah", "a curly apostrophe is straightened"},
	{"Sione Tupou‘tuah", "sione tupou'tuah", "so is a left single quote"},
	{"Elena Rückheim", "elena rückheim", "non-ASCII letters keep their accents"},
	{"Y\u030Angve", "\u1e99ngve", "a letter that composes only in lower case is composed: the key is its own key"},
	{"ÉLÈNE\u00a0DUPONT", "élène dupont", "a no-break space is a space"},
	{"Ba\x00rt", "ba\x00rt", "control characters that are not space stay"},
	{"a\xffb", "a\ufffdb", "invalid UTF-8 becomes U+FFFD"},
	{"", "", "no name"},
	{" \t ", "", "spaces only"},
}

func TestNameKey(t *testing.T) {
	for _, tt := range nameKeyTests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, NameKey(tt.name)); diff != "" {
				t.Errorf("NameKey(%q): %s\nmismatch (-want +got):\n%s", tt.name, tt.reason, diff)
			}
			if diff := cmp.Diff(nameKeyReference(tt.name), NameKey(tt.name)); diff != "" {
				t.Errorf("NameKey(%q) differs from the plain definition:\nmismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func TestPersonIsPrivate(t *testing.T) {
	p := &Person{Name: "Sione", Gender: "man", Private: []string{"gender", "organization"}}
	tests := []struct {
		field  string
		want   bool
		reason string
	}{
		{"gender", true, "marked private"},
		{"organization", true, "marked private"},
		{"name", false, "not marked"},
		{"region", false, "not marked"},
		{"", false, "the zero field is never private"},
	}
	for _, tt := range tests {
		t.Run(string(tt.field), func(t *testing.T) {
			if got := slices.Contains(p.Private, tt.field); got != tt.want {
				t.Errorf("IsPrivate(%q) = %v, want %v: %s", tt.field, got, tt.want, tt.reason)
			}
		})
	}
}

func TestSessionNamed(t *testing.T) {
	tests := []struct {
		attribution string
		want        bool
		reason      string
	}{
		{"", true, "the zero value means named"},
		{"named", true, "named"},
		{"unattributed", false, "outputs show no names"},
	}
	for _, tt := range tests {
		t.Run(string(tt.attribution), func(t *testing.T) {
			s := &Session{Attribution: tt.attribution}
			if got := s.Named(); got != tt.want {
				t.Errorf("Named() with attribution %q = %v, want %v: %s", tt.attribution, got, tt.want, tt.reason)
			}
		})
	}
}

func TestSessionPlan(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2023, 10, 10, h, m, 0, 0, time.UTC) }
	span := func(h1, m1, h2, m2 int) timeslot.Span { return timeslot.Span{Start: at(h1, m1), End: at(h2, m2)} }
	tests := []struct {
		name   string
		edit   func(s *Session)
		want   []timeslot.Span
		end    time.Time
		reason string
	}{
		{
			name:   "Sequential",
			edit:   func(s *Session) {},
			want:   []timeslot.Span{span(6, 15, 6, 25), span(6, 25, 7, 25), span(7, 25, 7, 40)},
			end:    at(7, 40),
			reason: "plenary segments follow each other from the start of the slot",
		},
		{
			name: "Breakouts",
			edit: withBreakouts,
			want: []timeslot.Span{
				span(6, 15, 6, 25),
				span(6, 25, 7, 5), span(6, 25, 7, 5), span(6, 25, 7, 5),
				span(7, 5, 7, 40),
			},
			end:    at(7, 40),
			reason: "the three tracks start together and the closing follows the run",
		},
		{
			name: "UnequalTracks",
			edit: func(s *Session) {
				withBreakouts(s)
				s.Segments[2].Length = 50 * time.Minute
				s.Segments[4].Length = 25 * time.Minute
			},
			want: []timeslot.Span{
				span(6, 15, 6, 25),
				span(6, 25, 7, 5), span(6, 25, 7, 15), span(6, 25, 7, 5),
				span(7, 15, 7, 40),
			},
			end:    at(7, 40),
			reason: "the run ends when its longest track ends",
		},
		{
			name:   "NoSegments",
			edit:   func(s *Session) { s.Segments = nil },
			want:   []timeslot.Span{},
			end:    at(6, 15),
			reason: "an empty plan ends where the slot starts",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validSession()
			tt.edit(s)
			plan := s.Plan()
			if diff := cmp.Diff(tt.want, plan.Spans); diff != "" {
				t.Errorf("Plan().Spans: %s\nmismatch (-want +got):\n%s", tt.reason, diff)
			}
			if !plan.End.Equal(tt.end) {
				t.Errorf("Plan().End = %v, want %v", plan.End, tt.end)
			}
			if diff := cmp.Diff(s.Slot, plan.Slot); diff != "" {
				t.Errorf("Plan().Slot:\nmismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOverlaps(t *testing.T) {
	at := func(m int) time.Time { return time.Date(2023, 10, 10, 9, m, 0, 0, time.UTC) }
	span := func(from, to int) timeslot.Span { return timeslot.Span{Start: at(from), End: at(to)} }
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		a, b   timeslot.Span
		want   bool
		reason string
	}{
		{"Touching", span(0, 10), span(10, 20), false, "one ends as the other starts: back-to-back segments do not overlap"},
		{"Overlapping", span(0, 15), span(10, 20), true, "10 to 15 is shared"},
		{"Inside", span(0, 30), span(10, 20), true, "a span inside another overlaps it"},
		{"Same", span(5, 25), span(5, 25), true, "a span overlaps itself"},
		{"SameStart", span(0, 10), span(0, 20), true, "parallel tracks starting together overlap"},
		{"Apart", span(0, 10), span(20, 30), false, "a gap between them"},
		{"OtherZone", span(0, 30), timeslot.Span{Start: time.Date(2023, 10, 10, 11, 20, 0, 0, paris), End: time.Date(2023, 10, 10, 11, 40, 0, 0, paris)}, true, "11:20 in Paris is 09:20 UTC: moments compare, not clock readings"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := overlaps(tt.a, tt.b); got != tt.want {
				t.Errorf("overlaps(%v, %v) = %v, want %v (%s)", tt.a, tt.b, got, tt.want, tt.reason)
			}
			if got := overlaps(tt.b, tt.a); got != tt.want {
				t.Errorf("overlaps(%v, %v) = %v, want %v (overlap is symmetric; %s)", tt.b, tt.a, got, tt.want, tt.reason)
			}
		})
	}
}
