package timeslot_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/fairfloor/fairfloor/timeslot"
)

func ExampleParseRange() {
	// Seed 001: Tuesday, 10th October, 2023 (06:15 UTC) - (07:45 UTC).
	day := time.Date(2023, 10, 10, 0, 0, 0, 0, time.UTC)
	panel, err := timeslot.ParseRange("06:15-07:45 UTC", day)
	if err != nil {
		panic(err)
	}
	fmt.Println(panel, timeslot.FormatLength(panel.Length))

	// Seed 003: 17 Dec 2017 16:00h - 18:00h, in Geneva; without a zone in the
	// text, the times are read in the day's location.
	geneva, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		panic(err)
	}
	brainstorm, err := timeslot.ParseRange("16:00h - 18:00h", time.Date(2017, 12, 17, 0, 0, 0, 0, geneva))
	if err != nil {
		panic(err)
	}
	fmt.Println(brainstorm, timeslot.FormatLength(brainstorm.Length))

	// A range across midnight.
	late, err := timeslot.ParseRange("23:30–00:30 UTC+2", day)
	if err != nil {
		panic(err)
	}
	fmt.Println(late, timeslot.FormatLength(late.Length))

	_, err = timeslot.ParseRange("25:00-26:00", day)
	fmt.Println(err)
	// Output:
	// 2023-10-10 06:15–07:45 UTC 1h30m
	// 2017-12-17 16:00–18:00 CET 2h
	// 2023-10-10 23:30 – 2023-10-11 00:30 UTC+2 1h
	// timeslot: cannot parse "25:00-26:00" as a clock range: 25:00 is not a time of day
}

func ExampleParseLength() {
	for _, s := range []string{"90 minutes", "40 min", "5 mins", "2 hours", "1 hour 30 minutes", "90-minute", "90 Min", "1h30m"} {
		d, err := timeslot.ParseLength(s)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-18q %v\n", s, d)
	}
	_, err := timeslot.ParseLength("90")
	fmt.Println(err)
	// Output:
	// "90 minutes"       1h30m0s
	// "40 min"           40m0s
	// "5 mins"           5m0s
	// "2 hours"          2h0m0s
	// "1 hour 30 minutes" 1h30m0s
	// "90-minute"        1h30m0s
	// "90 Min"           1h30m0s
	// "1h30m"            1h30m0s
	// timeslot: cannot parse "90" as a length: want a number and a unit, as in "90 minutes", "40 min" or "1h30m"
}

func ExampleFormatLength() {
	for _, d := range []time.Duration{90 * time.Minute, 40 * time.Minute, 2 * time.Hour, time.Hour + 5*time.Second, 0, 1500 * time.Millisecond} {
		fmt.Printf("%-8v %s\n", d, timeslot.FormatLength(d))
	}
	// Output:
	// 1h30m0s  1h30m
	// 40m0s    40m
	// 2h0m0s   2h
	// 1h0m5s   1h5s
	// 0s       0s
	// 1.5s     1.5s
}

func ExampleSlot_Place() {
	// Seed 004: a welcome, three break-out groups in parallel, a plenary
	// with their reports and a conclusion, on a 90-minute slot. The source
	// gives no time of day; 09:00 UTC is for the example.
	names := []string{"Welcome and Introduction", "Break-out: Safety, Security", "Break-out: Stability & resilience", "Break-out: Internet ethics", "Plenary Q&A", "Conclusion"}
	blocks := []timeslot.Block{
		{Length: 5 * time.Minute},
		{Length: 40 * time.Minute, Track: "a"},
		{Length: 40 * time.Minute, Track: "b"},
		{Length: 40 * time.Minute, Track: "c"},
		{Length: 60 * time.Minute},
		{Length: 5 * time.Minute},
	}
	slot := timeslot.Slot{Start: time.Date(2019, 11, 28, 9, 0, 0, 0, time.UTC), Length: 90 * time.Minute}
	plan := slot.Place(blocks)
	for i, s := range plan.Spans {
		fmt.Printf("%s-%s %s\n", s.Start.Format("15:04"), s.End.Format("15:04"), names[i])
	}
	fmt.Println("used", timeslot.FormatLength(plan.End.Sub(slot.Start)), "of", timeslot.FormatLength(slot.Length))
	fmt.Println("overrun", timeslot.FormatLength(plan.End.Sub(slot.End())))
	// Output:
	// 09:00-09:05 Welcome and Introduction
	// 09:05-09:45 Break-out: Safety, Security
	// 09:05-09:45 Break-out: Stability & resilience
	// 09:05-09:45 Break-out: Internet ethics
	// 09:45-10:45 Plenary Q&A
	// 10:45-10:50 Conclusion
	// used 1h50m of 1h30m
	// overrun 20m
}

func ExampleSlot_MarshalJSON() {
	geneva, err := time.LoadLocation("Europe/Zurich")
	if err != nil {
		panic(err)
	}
	slots := []timeslot.Slot{
		{Start: time.Date(2023, 10, 10, 6, 15, 0, 0, time.UTC), Length: 90 * time.Minute},
		{Start: time.Date(2017, 12, 17, 16, 0, 0, 0, geneva), Length: 2 * time.Hour},
		{Length: 2 * time.Hour},
	}
	for _, s := range slots {
		b, err := json.Marshal(s)
		if err != nil {
			panic(err)
		}
		fmt.Println(string(b))
	}
	var back timeslot.Slot
	err = json.Unmarshal([]byte(`{"start":"2017-12-17T16:00:00Z","zone":"Europe/Zurich","length":"2h"}`), &back)
	fmt.Println(err)
	// Output:
	// {"start":"2023-10-10T06:15:00Z","zone":"UTC","length":"1h30m"}
	// {"start":"2017-12-17T16:00:00+01:00","zone":"Europe/Zurich","length":"2h"}
	// {"length":"2h"}
	// timeslot: cannot parse "2017-12-17T16:00:00Z" as a slot start: has offset +00:00, but zone Europe/Zurich is at +01:00 then
}
