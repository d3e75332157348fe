// Package report writes what the comparison engine found as files that
// researchers take into papers, spreadsheets, R or pandas: JSON (the
// versioned public interface, schema citydiff/report/v1), Markdown for a
// memo, CSV tables for spreadsheets, and one self-contained HTML page.
//
// Every writer is a pure function of a *compare.Result and a Meta (tool,
// version, parameters and the inputs' sha256), so the same inputs give the
// same bytes and each report says how to reproduce it. All formats are
// rendered from one model (Build), the JSON report's, so a CSV row or an
// HTML cell never disagrees with the JSON.
//
// Writing is apart from rendering: WriteFile and WriteTables replace files
// atomically, so a failed run never leaves half a report behind.
package report
