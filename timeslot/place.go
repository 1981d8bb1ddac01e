package timeslot

import "time"

// Block is one thing to place on a slot: a length, and the track it runs in
// when it runs in parallel with others. An empty Track is a plenary block.
type Block struct {
	Length time.Duration
	Track  string
}

// Span is the time from Start up to End.
type Span struct {
	Start, End time.Time
}

// Length returns End - Start.
func (s Span) Length() time.Duration { return s.End.Sub(s.Start) }

// Plan is the result of placing blocks on a slot.
type Plan struct {
	Slot  Slot
	Spans []Span    // one per block, in the order the blocks were given
	End   time.Time // when the last block ends; Slot.Start if there are none
}

// Place lays blocks on the slot in order and returns their spans.
//
// Plenary blocks (empty Track) follow each other. A run of consecutive blocks
// that all carry a track is a parallel run: it starts where the previous block
// ended, each track in it starts at that moment and its blocks follow each
// other, and the block after the run starts when the longest track ends.
// Two parallel runs are separated by at least one plenary block; a run that
// should end and start again must be split by one.
//
// A negative length is placed as zero, so a bad length never moves the clock
// backwards; checking lengths is the caller's job.
func (s Slot) Place(blocks []Block) Plan {
	p := Plan{Slot: s, Spans: make([]Span, len(blocks))}
	cursor := s.Start                 // where the next plenary block or parallel run starts
	runEnd := cursor                  // where the current parallel run ends
	var trackEnd map[string]time.Time // where each track of the current run ends
	for i, b := range blocks {
		length := max(0, b.Length)
		if b.Track == "" {
			if trackEnd != nil {
				cursor, trackEnd = runEnd, nil
			}
			p.Spans[i] = Span{Start: cursor, End: cursor.Add(length)}
			cursor = p.Spans[i].End
			continue
		}
		if trackEnd == nil {
			trackEnd, runEnd = map[string]time.Time{}, cursor
		}
		start, ok := trackEnd[b.Track]
		if !ok {
			start = cursor
		}
		p.Spans[i] = Span{Start: start, End: start.Add(length)}
		trackEnd[b.Track] = p.Spans[i].End
		if p.Spans[i].End.After(runEnd) {
			runEnd = p.Spans[i].End
		}
	}
	if trackEnd != nil {
		cursor = runEnd
	}
	p.End = cursor
	return p
}
