"""What a trainer takes into a room: a slide deck per module, printed hand-outs, trainer maps and
the course reader, all derived from the course at build time."""
