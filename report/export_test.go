package report

// ValidateReport lets the command tests (package report_test) check the
// reports they make against the schema.
var ValidateReport = validateReport
