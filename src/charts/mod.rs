//! Charts: one per question of the report, each a function of a plotters
//! drawing area and a prepared view. Generic over `DrawingBackend`: the browser
//! gives a canvas, tests and the SVG export give an SVG string.
