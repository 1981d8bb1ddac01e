module github.com/fairfloor/fairfloor

go 1.26
