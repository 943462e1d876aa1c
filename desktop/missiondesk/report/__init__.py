"""PDF fact sheets and CSV, XLSX and JSON exports."""
