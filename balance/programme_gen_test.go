package balance_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // the programme is in Asia/Tokyo, whatever the machine has installed

	"github.com/fairfloor/fairfloor/agenda"
	"github.com/fairfloor/fairfloor/timeslot"
)

// programmeSpec says what [programmeSpec.generate] builds: a forum shaped
// like the IGF 2023 in Kyoto (Asia/Tokyo, from Monday 9 October 2023), with
// Sessions sessions drawn from a pool of People persons, over Days days in
// Rooms rooms, and a known number of problems planted for
// [agenda.Programme.Validate] to find.
type programmeSpec struct {
	Seed                          uint64
	Sessions, People, Days, Rooms int

	// The problems to plant. Each is planted if the programme has room for
	// it; generate returns those it planted.
	Overlaps    int // people who speak in two sessions at once
	RoomClashes int // sessions moved into a room that is busy at the time
	OverLimit   int // people who speak in one session more than the limit
}

// plantedConflict is one problem the generator planted, as
// [agenda.Programme.Validate] reports it in a *agenda.ConflictError.
type plantedConflict struct {
	Err      error
	Person   string // for ErrPersonOverlap and ErrTooManySessions
	Room     string // for ErrRoomOverlap
	Sessions []int  // indexes in the programme, ascending
}

// generateProgramme returns the programme of seed: sessions sessions of a
// pool of people persons over days days in rooms rooms, with three people
// in two sessions at once, one room holding two sessions at once and three
// people who speak in more sessions than the IGF allows (see
// [defaultProgrammeSpec]). The same arguments give the same programme.
func generateProgramme(seed uint64, sessions, people, days, rooms int) *agenda.Programme {
	prog, _ := defaultProgrammeSpec(seed, sessions, people, days, rooms).generate()
	return prog
}

// defaultProgrammeSpec is the spec of [generateProgramme].
func defaultProgrammeSpec(seed uint64, sessions, people, days, rooms int) programmeSpec {
	return programmeSpec{Seed: seed, Sessions: sessions, People: people, Days: days, Rooms: rooms,
		Overlaps: 3, RoomClashes: 1, OverLimit: 3}
}

// generate builds the programme and returns it with the problems it
// planted. It draws everything from one PCG seeded with Seed, so the same
// spec gives the same programme.
//
// What it builds, realistically for an IGF:
//   - sessions of 60 or 90 minutes (14% lightning talks of 30, 6% main
//     sessions of 120), hybrid (82%), onsite (12%) or online (6%), the
//     onsite and hybrid ones in the rooms between 09:00 and 18:00 with
//     change-overs of 0 or 15 minutes, the online ones at any time of the
//     same days and in no room; the programme lists them by workshop
//     number, not by time;
//   - each session has an onsite moderator (online in an online session),
//     an online moderator (online, remote if possible) if it is hybrid, a
//     rapporteur (60%), 3 to 6 speakers and 1 to 4 organizers, who may also
//     moderate or speak, and
//     segments as in the seeds: an opening, one discussion per policy
//     question (1 to 3), a poll or questions from the floor, and a closing;
//     each discussion holds speakers of both modes if the session has them,
//     so the hard onsite–online rule can be met;
//   - the pool has unique names from each regional group, WEOG heavy (44%,
//     as IGF panels are), Civil Society the largest stakeholder group,
//     women 46%, men 50%, a few non-binary or not given, a quarter remote
//     (online in every session they join); a few give no stakeholder or
//     regional group;
//   - how many sessions a person is in has a heavy tail: most are in one,
//     some in two or three, a few in four or more (as moderators and
//     organizers: nobody speaks in more than three sessions, but the
//     planted); nobody is in two sessions at once but the planted, and
//     organizers, who need not attend.
//
// It panics if the sessions do not fit the rooms and days, or the pool is
// too small to staff them.
func (spec programmeSpec) generate() (*agenda.Programme, []plantedConflict) {
	g := &programmeGen{spec: spec, rng: rand.New(rand.NewPCG(spec.Seed, 0x1f2023))}
	var err error
	if g.loc, err = time.LoadLocation("Asia/Tokyo"); err != nil {
		panic(err)
	}
	g.pool()
	g.schedule()
	for i := range g.prog.Sessions {
		g.staff(i)
	}
	g.prog.SessionsPerSpeaker = agenda.IGFSessionsPerSpeaker
	g.plantRoomClashes()
	g.plantOverlaps()
	g.plantOverLimit()
	for i := range g.planted {
		slices.Sort(g.planted[i].Sessions)
	}
	return g.prog, g.planted
}

// programmeGen is the state of one generation.
type programmeGen struct {
	spec    programmeSpec
	rng     *rand.Rand
	loc     *time.Location
	people  []genPerson
	tickets []int // people, each as often as the sessions they are meant to join, shuffled
	next    int   // the first unused ticket
	prog    *agenda.Programme
	rooms   []string
	spans   []timeslot.Span // of each session
	topics  []string        // of each session
	index   map[string]int  // people by name
	planted []plantedConflict
	used    []bool // people planted already, who take no second problem
}

// genPerson is one person of the pool.
type genPerson struct {
	name, org, country string
	stakeholder        agenda.Stakeholder
	region             agenda.Region
	gender             string
	remote             bool
	busy               []int // the sessions they attend, as anything but organizer only
	speaks             []int // the sessions they speak in
}

// genRegion is where the pool draws the people of one regional group from.
type genRegion struct {
	region           agenda.Region
	share            float64
	countries        []string
	firsts, surnames []string
}

var genRegions = []genRegion{
	{"WEOG", 0.44,
		[]string{"United States", "Germany", "France", "United Kingdom", "Netherlands", "Sweden", "Canada", "Switzerland", "Australia", "Norway", "Spain", "Italy", "New Zealand", "Denmark", "Finland", "Belgium"},
		[]string{"Anna", "James", "Sophie", "Thomas", "Emma", "Lukas", "Claire", "Daniel", "Maria", "Peter", "Laura", "Martin", "Sarah", "Jan", "Julia", "Michael", "Elena", "David", "Ingrid", "Pablo", "Charlotte", "Nick", "Marie", "Olivier"},
		[]string{"Müller", "Smith", "Dubois", "Jensen", "Rossi", "García", "Johansson", "Schmidt", "Brown", "Martin", "Bakker", "Andersson", "Meyer", "Hughes", "Lefèvre", "Nielsen", "Taylor", "Moreau", "Fischer", "Walsh", "Bianchi", "O’Brien", "Van der Berg", "Ashton-Hart"}},
	{"Asia-Pacific Group", 0.20,
		[]string{"Japan", "India", "China", "Indonesia", "Philippines", "Bangladesh", "Pakistan", "Thailand", "Viet Nam", "Republic of Korea", "Nepal", "Fiji", "Malaysia", "Sri Lanka", "Qatar", "Tonga"},
		[]string{"Hiroshi", "Yuki", "Priya", "Arjun", "Wei", "Mei", "Siti", "Rahul", "Anh", "Ji-woo", "Nurul", "Kenji", "Aiko", "Ravi", "Farah", "Tupou", "Omar", "Noora", "Sanjay", "Haruka"},
		[]string{"Tanaka", "Sato", "Sharma", "Patel", "Wang", "Li", "Nguyen", "Kim", "Santos", "Rahman", "Suzuki", "Chen", "Lim", "Perera", "Khan", "Watanabe", "Das", "Park", "Fetais", "Baravilala"}},
	{"African Group", 0.14,
		[]string{"Nigeria", "Kenya", "South Africa", "Ghana", "Egypt", "Senegal", "Rwanda", "Ethiopia", "Tunisia", "Uganda", "Côte d’Ivoire", "Morocco"},
		[]string{"Amina", "Kwame", "Fatou", "Chinedu", "Wanjiru", "Thabo", "Aissatou", "Kofi", "Nadia", "Tendai", "Zainab", "Moussa", "Ngozi", "Yusuf", "Grace", "Bassant", "Abdoulaye", "Esther", "Ibrahim", "Lerato"},
		[]string{"Okafor", "Mensah", "Diallo", "Kamau", "Nkosi", "Traoré", "Abebe", "Ndiaye", "Mwangi", "Osei", "Ben Salah", "Adeyemi", "Hassib", "Mutua", "Uwimana", "Koné", "Banda", "Achieng"}},
	{"GRULAC", 0.11,
		[]string{"Brazil", "Mexico", "Argentina", "Chile", "Colombia", "Peru", "Costa Rica", "Jamaica", "Trinidad and Tobago", "Uruguay", "Ecuador", "Guatemala"},
		[]string{"Carlos", "Ana Paula", "Juan", "Luciana", "Diego", "Fernanda", "Mateo", "Camila", "Andrés", "Valentina", "Rafael", "Gabriela", "Pablo", "Sofía", "Thiago", "Marcela", "Jorge", "Renata"},
		[]string{"Silva", "González", "Rodríguez", "Pereira", "Fernández", "López", "Oliveira", "Martínez", "Castro", "Souza", "Ramírez", "Torres", "Almeida", "Vargas", "Rojas", "Campbell", "Moreno", "Herrera"}},
	{"Eastern European Group", 0.07,
		[]string{"Poland", "Ukraine", "Romania", "Czechia", "Serbia", "Estonia", "Russian Federation", "Georgia", "Armenia", "Bulgaria", "Lithuania", "Croatia"},
		[]string{"Anastasia", "Tomasz", "Olena", "Andrei", "Katarzyna", "Ivan", "Milica", "Kristjan", "Nino", "Dmitri", "Ana", "Petra", "Marek", "Irina", "Vladimir", "Jelena", "Ioana", "Giorgi"},
		[]string{"Kowalski", "Shevchenko", "Popescu", "Novák", "Petrović", "Tamm", "Isavnin", "Beridze", "Hovhannisyan", "Georgieva", "Kazlauskas", "Horvat", "Nowak", "Kovalenko", "Dvořák", "Jovanović", "Ionescu", "Smirnov"}},
}

// genStakeholders are the stakeholder groups with their shares of the pool
// (2% give none) and the organizations they come from; "%s" is the
// person's country.
var genStakeholders = []struct {
	group agenda.Stakeholder
	share float64
	orgs  []string
}{
	{"Civil Society", 0.34, []string{"Access Now", "ARTICLE 19", "Association for Progressive Communications", "Derechos Digitales", "Paradigm Initiative", "Electronic Frontier Foundation", "Digital Rights Foundation", "Internet Freedom Foundation", "Global Partners Digital", "DiploFoundation", "Centre for Humanitarian Dialogue", "EngageMedia", "Research ICT Africa", "Youth IGF %s", "University of %s", "Digital Rights Watch %s"}},
	{"Government", 0.18, []string{"Ministry of Digital Affairs, %s", "Ministry of Foreign Affairs, %s", "National Communications Authority, %s", "Permanent Mission of %s in Geneva", "Data Protection Authority, %s"}},
	{"Private Sector", 0.18, []string{"Microsoft", "Google", "Meta", "Cloudflare", "NTT", "Safaricom", "Tata Consultancy Services", "MTN Group", "Telefónica", "Orange", "Ericsson", "Mercado Libre", "Amazon Web Services", "Rakuten", "%s Chamber of Commerce"}},
	{"Technical Community", 0.20, []string{"ICANN", "Internet Society", "RIPE NCC", "APNIC", "AFRINIC", "LACNIC", "ARIN", "IETF", "W3C", "Internet Society %s Chapter", "JPNIC", "NIC.br", "DENIC", "KENIC"}},
	{"Intergovernmental Organization", 0.08, []string{"ITU", "UNESCO", "OECD", "UNDP", "Council of Europe", "UNICEF", "OHCHR", "World Bank", "UNCTAD", "African Union Commission", "WIPO", "UNODC"}},
}

// genTopics are the themes of the sessions' titles.
var genTopics = []string{
	"AI governance and human rights", "Data flows with trust", "Meaningful connectivity in the Global South",
	"Cybersecurity capacity building", "Digital public infrastructure", "Child online safety",
	"Avoiding internet fragmentation", "Community networks", "Disinformation and elections",
	"Digital inclusion of persons with disabilities", "The green digital transition", "Youth in internet governance",
	"A multilingual internet", "Cross-border data and privacy", "Platform accountability",
	"Cyber diplomacy", "Generative AI and the future of work", "Digital identity for all",
	"Online gender-based violence", "Open source for sustainable development", "Spectrum for rural access",
	"Quantum-safe cryptography", "Submarine cables and resilience", "The Global Digital Compact",
	"Content moderation at scale", "Encryption and lawful access", "Internet shutdowns",
	"Digital trade rules", "Smart cities and surveillance", "Indigenous languages online",
	"E-waste and the circular economy", "Health data in the pandemic aftermath", "DNS abuse",
	"Universal acceptance", "Media freedom online", "Digital literacy in schools",
	"Financing connectivity", "Algorithmic transparency", "Cyber norms and accountability",
	"The WSIS+20 review",
}

// genAngles end some titles.
var genAngles = []string{
	"lessons from the Global South", "a multistakeholder roadmap", "what role for governments?",
	"from principles to practice", "bridging the divides", "voices from the regions",
	"the next ten years", "who decides?",
}

// pool draws the people.
func (g *programmeGen) pool() {
	rng := g.rng
	g.people = make([]genPerson, g.spec.People)
	g.used = make([]bool, g.spec.People)
	taken := make(map[string]bool, g.spec.People)
	g.index = make(map[string]int, g.spec.People)
	for i := range g.people {
		p := &g.people[i]
		// The stakeholder group first: a person from an intergovernmental
		// organization usually has it for a regional group.
		r := rng.Float64()
		for _, s := range genStakeholders {
			if r < s.share {
				p.stakeholder = s.group
				p.org = s.orgs[rng.IntN(len(s.orgs))]
				break
			}
			r -= s.share
		}
		home := pickRegion(rng)
		switch {
		case p.stakeholder == "Intergovernmental Organization" && rng.IntN(10) < 6:
			p.region = "Intergovernmental Organization"
		case rng.IntN(100) < 2:
			// no regional group given
		default:
			p.region = home.region
			p.country = home.countries[rng.IntN(len(home.countries))]
		}
		country := p.country
		if country == "" {
			country = home.countries[rng.IntN(len(home.countries))]
		}
		if strings.Contains(p.org, "%s") {
			p.org = fmt.Sprintf(p.org, country)
		}
		p.name = uniqueName(rng, home, taken)
		g.index[p.name] = i
		switch r := rng.IntN(100); {
		case r < 46:
			p.gender = "woman"
		case r < 96:
			p.gender = "man"
		case r < 97:
			p.gender = "non-binary"
		}
		p.remote = rng.IntN(4) == 0
		// How many sessions the person is meant to join: a heavy tail.
		n := 1
		switch r := rng.IntN(100); {
		case r >= 96:
			n = 4 + rng.IntN(5)
		case r >= 91:
			n = 3
		case r >= 80:
			n = 2
		}
		for range n {
			g.tickets = append(g.tickets, i)
		}
	}
	rng.Shuffle(len(g.tickets), func(a, b int) { g.tickets[a], g.tickets[b] = g.tickets[b], g.tickets[a] })
}

// pickRegion draws a regional group by its share.
func pickRegion(rng *rand.Rand) *genRegion {
	r := rng.Float64()
	for i := range genRegions {
		if r < genRegions[i].share {
			return &genRegions[i]
		}
		r -= genRegions[i].share
	}
	return &genRegions[0]
}

// uniqueName draws a name from the region that nobody in taken has, as
// agenda.NameKey compares names, adding a middle initial if it must.
func uniqueName(rng *rand.Rand, r *genRegion, taken map[string]bool) string {
	for try := 0; ; try++ {
		first, last := r.firsts[rng.IntN(len(r.firsts))], r.surnames[rng.IntN(len(r.surnames))]
		name := first + " " + last
		if try >= 3 {
			name = fmt.Sprintf("%s %c. %s", first, 'A'+rng.IntN(26), last)
		}
		if try >= 20 {
			name = fmt.Sprintf("%s %c. %c. %s", first, 'A'+rng.IntN(26), 'A'+rng.IntN(26), last)
		}
		if key := agenda.NameKey(name); !taken[key] {
			taken[key] = true
			return name
		}
	}
}

// The day of the forum: sessions run from dayStart to dayEnd, local time.
const (
	genDayStart = 9 * time.Hour
	genDayEnd   = 18 * time.Hour
)

// schedule makes the sessions, with their format, title, room and slot, but
// nobody in them yet.
func (g *programmeGen) schedule() {
	rng, spec := g.rng, g.spec
	g.rooms = roomNames(spec.Rooms)
	type draft struct {
		length time.Duration
		format agenda.Format
	}
	drafts := make([]draft, spec.Sessions)
	for i := range drafts {
		d := &drafts[i]
		switch r := rng.IntN(100); {
		case r < 14:
			d.length = 30 * time.Minute
		case r < 60:
			d.length = 60 * time.Minute
		case r < 94:
			d.length = 90 * time.Minute
		default:
			d.length = 120 * time.Minute
		}
		switch r := rng.IntN(100); {
		case r < 82:
			d.format = agenda.FormatHybrid
		case r < 94:
			d.format = agenda.FormatOnsite
		default:
			d.format = agenda.FormatOnline
		}
	}
	// Longest first into the room that is free earliest on a random day:
	// few gaps are left.
	order := make([]int, len(drafts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(drafts[b].length - drafts[a].length) })
	free := make([]time.Duration, spec.Days*spec.Rooms) // per day and room, the first free time
	for i := range free {
		free[i] = genDayStart
	}
	type placed struct {
		room  string
		start time.Time
	}
	where := make([]placed, len(drafts))
	first := time.Date(2023, time.October, 9, 0, 0, 0, 0, g.loc)
	for _, i := range order {
		d := drafts[i]
		day := rng.IntN(spec.Days)
		if d.format == agenda.FormatOnline {
			latest := int((genDayEnd - genDayStart - d.length) / (15 * time.Minute))
			at := genDayStart + time.Duration(rng.IntN(latest+1))*15*time.Minute
			where[i] = placed{start: first.AddDate(0, 0, day).Add(at)}
			continue
		}
		best := -1
		for k := range free {
			slot := (day*spec.Rooms + k) % len(free)
			if free[slot]+d.length <= genDayEnd && (best < 0 || free[slot] < free[best]) {
				best = slot
			}
		}
		if best < 0 {
			panic(fmt.Sprintf("generateProgramme: %d sessions do not fit %d rooms over %d days", spec.Sessions, spec.Rooms, spec.Days))
		}
		where[i] = placed{room: g.rooms[best%spec.Rooms], start: first.AddDate(0, 0, best/spec.Rooms).Add(free[best])}
		free[best] += d.length + time.Duration(rng.IntN(2))*15*time.Minute
	}
	// The programme lists the sessions by number, not by time.
	listing := rng.Perm(len(drafts))
	g.prog = &agenda.Programme{Title: fmt.Sprintf("IGF 2023, Kyoto (generated, seed %d)", spec.Seed),
		Sessions: make([]agenda.Session, len(drafts))}
	g.spans = make([]timeslot.Span, len(drafts))
	g.topics = make([]string, len(drafts))
	numbers := map[string]int{}
	for i, from := range listing {
		d, w := drafts[from], where[from]
		g.topics[i] = genTopics[rng.IntN(len(genTopics))]
		topic := g.topics[i]
		if rng.IntN(3) == 0 {
			topic += ": " + genAngles[rng.IntN(len(genAngles))]
		}
		var kind string
		switch {
		case d.length == 30*time.Minute:
			kind = "Lightning Talk #%d: "
		case d.length == 120*time.Minute:
			kind = "Main Session %d: "
		case d.length == 60*time.Minute && rng.IntN(2) == 0:
			kind = "Open Forum #%d: "
		case d.length == 90*time.Minute && rng.IntN(5) == 0:
			kind = "Town Hall #%d: "
		default:
			kind = "WS #%d "
		}
		numbers[kind]++
		g.prog.Sessions[i] = agenda.Session{
			Title:  fmt.Sprintf(kind, numbers[kind]) + topic,
			Format: d.format,
			Room:   w.room,
			Slot:   timeslot.Slot{Start: w.start, Length: d.length},
		}
		g.spans[i] = timeslot.Span{Start: w.start, End: w.start.Add(d.length)}
	}
}

// roomNames returns n room names, those of the Kyoto International
// Conference Center first.
func roomNames(n int) []string {
	kyoto := []string{"Main Hall", "Annex Hall 1", "Annex Hall 2", "Room A", "Room B-1", "Room B-2", "Room C-1", "Room C-2", "Room D", "Room E", "Room F", "Room G", "Room H", "Room I", "Room J", "Room K"}
	names := make([]string, n)
	for i := range names {
		if i < len(kyoto) {
			names[i] = kyoto[i]
		} else {
			names[i] = fmt.Sprintf("Workshop Room %d", i-len(kyoto)+1)
		}
	}
	return names
}

// genRole is what a person is picked for.
type genRole int

const (
	genOrganizer genRole = iota // organizer only: need not attend
	genModerator
	genOnlineModerator
	genRapporteur
	genSpeaker
)

// fits reports whether person p may take role in session i, already
// holding the people in.
func (g *programmeGen) fits(p, i int, role genRole, in []int) bool {
	if slices.Contains(in, p) {
		return false
	}
	person, s := &g.people[p], &g.prog.Sessions[i]
	if role != genOrganizer && slices.ContainsFunc(person.busy, func(j int) bool { return overlaps(g.spans[j], g.spans[i]) }) {
		return false
	}
	if person.remote && role != genOrganizer && s.Format == agenda.FormatOnsite {
		return false
	}
	if person.remote && role == genModerator && s.Format == agenda.FormatHybrid {
		return false // the moderator of a hybrid session is in the room
	}
	return role != genSpeaker || len(person.speaks) < agenda.IGFSessionsPerSpeaker
}

// pick returns a person for role in session i: the next ticket that fits,
// or, when the tickets are spent, anyone in the pool who does. It prefers
// remote people for an online moderator.
func (g *programmeGen) pick(i int, role genRole, in []int) int {
	if role == genOnlineModerator {
		if p, ok := g.ticket(i, role, in, func(p int) bool { return g.people[p].remote }); ok {
			return p
		}
	}
	if p, ok := g.ticket(i, role, in, func(int) bool { return true }); ok {
		return p
	}
	start := g.rng.IntN(len(g.people))
	for k := range g.people {
		if p := (start + k) % len(g.people); g.fits(p, i, role, in) {
			return p
		}
	}
	panic(fmt.Sprintf("generateProgramme: nobody among %d people can take role %d in session %d", len(g.people), role, i))
}

// ticket takes the first of the next 200 tickets whose person fits and is
// wanted.
func (g *programmeGen) ticket(i int, role genRole, in []int, want func(p int) bool) (int, bool) {
	for j := g.next; j < len(g.tickets) && j < g.next+200; j++ {
		if p := g.tickets[j]; want(p) && g.fits(p, i, role, in) {
			g.tickets[g.next], g.tickets[j] = g.tickets[j], g.tickets[g.next]
			g.next++
			return p, true
		}
	}
	return 0, false
}

// mode returns the mode of person p in session i, in role.
func (g *programmeGen) mode(p, i int, role genRole) agenda.Mode {
	switch g.prog.Sessions[i].Format {
	case agenda.FormatOnline:
		return agenda.ModeOnline
	case agenda.FormatOnsite:
		if g.people[p].remote {
			return "" // an organizer who is not there
		}
		return agenda.ModeOnsite
	}
	if g.people[p].remote || role == genOnlineModerator {
		return agenda.ModeOnline
	}
	return agenda.ModeOnsite
}

// entry returns person p as listed in a session, with the given roles.
func (g *programmeGen) entry(p int, mode agenda.Mode, roles ...agenda.Role) agenda.Person {
	person := &g.people[p]
	return agenda.Person{Name: person.name, Organization: person.org, Roles: roles,
		Stakeholder: person.stakeholder, Region: person.region, Country: person.country,
		Mode: mode, Gender: person.gender}
}

// attend marks person p as in session i, speaking or not.
func (g *programmeGen) attend(p, i int, speaks bool) {
	g.people[p].busy = append(g.people[p].busy, i)
	if speaks {
		g.people[p].speaks = append(g.people[p].speaks, i)
	}
}

// staff fills session i with people and segments.
func (g *programmeGen) staff(i int) {
	rng, s := g.rng, &g.prog.Sessions[i]
	var in []int // people, in the order of s.People
	add := func(role genRole, roles ...agenda.Role) int {
		p := g.pick(i, role, in)
		in = append(in, p)
		s.People = append(s.People, g.entry(p, g.mode(p, i, role), roles...))
		return p
	}
	with := func(organizes bool, r agenda.Role) []agenda.Role {
		if organizes {
			return []agenda.Role{agenda.RoleOrganizer, r}
		}
		return []agenda.Role{r}
	}
	organizers := 0
	moderator := add(genModerator, with(rng.IntN(10) < 4, agenda.RoleModerator)...)
	organizers += len(s.People[0].Roles) - 1
	g.attend(moderator, i, false)
	online := -1
	if s.Format == agenda.FormatHybrid {
		organizes := rng.IntN(10) < 3
		online = add(genOnlineModerator, with(organizes, agenda.RoleOnlineModerator)...)
		organizers += len(s.People[len(s.People)-1].Roles) - 1
		g.attend(online, i, false)
	}
	var speakers []int
	for range 3 + rng.IntN(4) {
		organizes := organizers == 0 && rng.IntN(10) < 3
		p := add(genSpeaker, with(organizes, agenda.RoleSpeaker)...)
		if organizes {
			organizers++
		}
		g.attend(p, i, true)
		speakers = append(speakers, p)
	}
	rapporteur := -1
	if rng.IntN(10) < 6 {
		rapporteur = add(genRapporteur, agenda.RoleRapporteur)
		g.attend(rapporteur, i, false)
	}
	for range max(1-organizers, 0) + rng.IntN(3) {
		add(genOrganizer, agenda.RoleOrganizer)
	}
	g.segments(i, moderator, online, rapporteur, speakers)
}

// segments lays out session i's segments: an opening, a discussion per
// policy question, a poll or questions from the floor, and a closing.
func (g *programmeGen) segments(i, moderator, online, rapporteur int, speakers []int) {
	rng, s := g.rng, &g.prog.Sessions[i]
	name := func(p int) string { return g.people[p].name }
	facilitators := []string{name(moderator)}
	if online >= 0 {
		facilitators = append(facilitators, name(online))
	}
	var opening, discussion, floor, closing time.Duration
	questions := 1
	switch s.Slot.Length {
	case 30 * time.Minute:
		opening, discussion, floor, closing = 3*time.Minute, 20*time.Minute, 5*time.Minute, 2*time.Minute
	case 60 * time.Minute:
		opening, discussion, floor, closing = 5*time.Minute, 35*time.Minute, 15*time.Minute, 5*time.Minute
		if rng.IntN(5) == 0 {
			floor -= 5 * time.Minute // the session ends early, within agenda's allowance for unplanned time
		}
	case 90 * time.Minute:
		opening, discussion, floor, closing = 10*time.Minute, 25*time.Minute, 20*time.Minute, 10*time.Minute
		questions = 2
	default:
		opening, discussion, floor, closing = 10*time.Minute, 25*time.Minute, 25*time.Minute, 10*time.Minute
		questions = 3
	}
	if questions > 1 && rng.IntN(5) == 0 {
		closing -= 5 * time.Minute
	}
	s.Segments = append(s.Segments, agenda.Segment{Title: "Opening and modes of intervention", Kind: "opening",
		Length: opening, Facilitators: slices.Clone(facilitators)})
	// Each speaker takes up one or two of the questions; each question has
	// at least two speakers, and one of each mode the speakers have.
	lists := make([][]int, questions)
	for _, p := range speakers {
		q := rng.IntN(questions)
		lists[q] = append(lists[q], p)
		if questions > 1 && rng.IntN(3) == 0 {
			other := (q + 1 + rng.IntN(questions-1)) % questions
			lists[other] = append(lists[other], p)
		}
	}
	modeOf := func(p int) agenda.Mode { person, _ := s.Roster().Person(name(p)); return person.Mode }
	var modes []agenda.Mode
	for _, p := range speakers {
		if m := modeOf(p); !slices.Contains(modes, m) {
			modes = append(modes, m)
		}
	}
	for q := range lists {
		for _, m := range modes {
			if !slices.ContainsFunc(lists[q], func(p int) bool { return modeOf(p) == m }) {
				candidates := slices.DeleteFunc(slices.Clone(speakers), func(p int) bool { return modeOf(p) != m })
				lists[q] = append(lists[q], candidates[rng.IntN(len(candidates))])
			}
		}
		for len(lists[q]) < 2 {
			p := speakers[rng.IntN(len(speakers))]
			if !slices.Contains(lists[q], p) {
				lists[q] = append(lists[q], p)
			}
		}
	}
	topic := strings.ToLower(g.topics[i][:1]) + g.topics[i][1:]
	asks := []string{"What should governments do about %s?", "How can the private sector and civil society work together on %s?",
		"What have the regions learned about %s, and what must change?", "How do we measure progress on %s?"}
	for q, list := range lists {
		id := string(rune('A' + q))
		text := fmt.Sprintf(asks[(q+rng.IntN(2))%len(asks)], topic)
		s.Questions = append(s.Questions, agenda.Question{ID: id, Text: text})
		title := "Panel discussion"
		if questions > 1 {
			title = "Question " + id
		}
		seg := agenda.Segment{Title: title, Kind: agenda.SegmentKind("discussion"), Length: discussion,
			Facilitators: slices.Clone(facilitators), Questions: []string{id}}
		for _, p := range list {
			seg.Speakers = append(seg.Speakers, name(p))
		}
		s.Segments = append(s.Segments, seg)
	}
	if rng.IntN(5) < 2 {
		s.Segments = append(s.Segments, agenda.Segment{Title: "Quickfire poll", Kind: "poll", Length: floor, Facilitators: slices.Clone(facilitators)})
	} else {
		s.Segments = append(s.Segments, agenda.Segment{Title: "Questions from the room and online", Kind: "plenary", Length: floor, Facilitators: slices.Clone(facilitators)})
	}
	closers := []string{name(moderator)}
	if rapporteur >= 0 {
		closers = append(closers, name(rapporteur))
	}
	s.Segments = append(s.Segments, agenda.Segment{Title: "Closing and key takeaways", Kind: "closing", Length: closing, Facilitators: closers})
	if rng.IntN(2) == 0 {
		day := s.Slot.Start
		s.Deadlines = append(s.Deadlines, agenda.Deadline{What: "Key takeaways",
			Due: time.Date(day.Year(), day.Month(), day.Day(), 23, 59, 0, 0, g.loc)})
	}
}

// addSpeaker makes person p a speaker in session i, in every discussion,
// as a planted problem does.
func (g *programmeGen) addSpeaker(p, i int) {
	s := &g.prog.Sessions[i]
	s.People = append(s.People, g.entry(p, g.mode(p, i, genSpeaker), agenda.RoleSpeaker))
	for k := range s.Segments {
		if s.Segments[k].Kind == "discussion" {
			s.Segments[k].Speakers = append(s.Segments[k].Speakers, g.people[p].name)
		}
	}
	g.attend(p, i, true)
	g.used[p] = true
}

// in reports whether person p is listed in session i.
func (g *programmeGen) in(p, i int) bool {
	_, ok := g.prog.Sessions[i].Roster().Person(g.people[p].name)
	return ok
}

// plantRoomClashes moves sessions into another room where exactly one
// session overlaps them.
func (g *programmeGen) plantRoomClashes() {
	sessions := g.prog.Sessions
	start := g.rng.IntN(len(sessions))
	for k := range sessions {
		if len(g.planted) >= g.spec.RoomClashes {
			return
		}
		i := (start + k) % len(sessions)
		if sessions[i].Room == "" || g.clashed(i) {
			continue
		}
		for _, room := range g.rooms {
			if room == sessions[i].Room {
				continue
			}
			var overlapping []int
			for j := range sessions {
				if sessions[j].Room == room && overlaps(g.spans[j], g.spans[i]) {
					overlapping = append(overlapping, j)
				}
			}
			if len(overlapping) == 1 && !g.clashed(overlapping[0]) {
				sessions[i].Room = room
				g.planted = append(g.planted, plantedConflict{Err: agenda.ErrRoomOverlap, Room: room, Sessions: []int{i, overlapping[0]}})
				break
			}
		}
	}
}

// clashed reports whether session i is in a planted room clash.
func (g *programmeGen) clashed(i int) bool {
	return slices.ContainsFunc(g.planted, func(c plantedConflict) bool {
		return c.Err == agenda.ErrRoomOverlap && slices.Contains(c.Sessions, i)
	})
}

// free reports whether person p could be added to session i without
// another conflict than the one planted with session except (-1 for none).
func (g *programmeGen) free(p, i, except int) bool {
	person := &g.people[p]
	if g.in(p, i) || (person.remote && g.prog.Sessions[i].Format == agenda.FormatOnsite) {
		return false
	}
	return g.clear(p, i, except)
}

// clear reports whether person p attends no session at the time of session
// i but i itself and except.
func (g *programmeGen) clear(p, i, except int) bool {
	return !slices.ContainsFunc(g.people[p].busy, func(j int) bool {
		return j != i && j != except && overlaps(g.spans[j], g.spans[i])
	})
}

// plantOverlaps makes speakers of some sessions speak in another session
// at the same time as well.
func (g *programmeGen) plantOverlaps() {
	sessions := g.prog.Sessions
	start := g.rng.IntN(len(sessions))
	planted := 0
	for k := 0; k < len(sessions) && planted < g.spec.Overlaps; k++ {
		a := (start + k) % len(sessions)
		for _, p := range g.speakersOf(a) {
			if g.used[p] || len(g.people[p].speaks) >= agenda.IGFSessionsPerSpeaker ||
				!g.clear(p, a, -1) {
				continue
			}
			b := -1
			for j := range sessions {
				if j != a && overlaps(g.spans[j], g.spans[a]) && g.free(p, j, a) {
					b = j
					break
				}
			}
			if b < 0 {
				continue
			}
			g.addSpeaker(p, b)
			g.planted = append(g.planted, plantedConflict{Err: agenda.ErrPersonOverlap, Person: g.people[p].name, Sessions: []int{a, b}})
			planted++
			break
		}
	}
}

// speakersOf returns the people of the pool who speak in session i.
func (g *programmeGen) speakersOf(i int) []int {
	var out []int
	for _, person := range g.prog.Sessions[i].People {
		if slices.Contains(person.Roles, agenda.RoleSpeaker) {
			out = append(out, g.index[person.Name])
		}
	}
	return out
}

// plantOverLimit makes people who speak in as many sessions as the limit
// allows speak in one more.
func (g *programmeGen) plantOverLimit() {
	limit := agenda.IGFSessionsPerSpeaker
	planted := 0
	for p := range g.people {
		if planted >= g.spec.OverLimit {
			return
		}
		if g.used[p] || len(g.people[p].speaks) != limit {
			continue
		}
		start := g.rng.IntN(len(g.prog.Sessions))
		for k := range g.prog.Sessions {
			i := (start + k) % len(g.prog.Sessions)
			if g.free(p, i, -1) {
				g.addSpeaker(p, i)
				g.planted = append(g.planted, plantedConflict{Err: agenda.ErrTooManySessions, Person: g.people[p].name,
					Sessions: slices.Clone(g.people[p].speaks)})
				planted++
				break
			}
		}
	}
}

// overlaps reports whether a and b share any moment; spans that only touch do
// not.
func overlaps(a, b timeslot.Span) bool { return a.Start.Before(b.End) && b.Start.Before(a.End) }
