// Package queue holds work items in memory.
package queue

import "sync"

// Queue is a FIFO safe for concurrent use.
type Queue struct {
	mu    sync.Mutex
	items []string
}

// Push appends an item.
func (q *Queue) Push(item string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, item)
}

// Pop removes the oldest item; ok is false when empty.
func (q *Queue) Pop() (item string, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return "", false
	}
	item, q.items = q.items[0], q.items[1:]
	return item, true
}

func New() *Queue {
	return &Queue{}
}
