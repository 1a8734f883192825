# The trendlib tables from R: through the SQLite database (DBI + RSQLite), then as CSV with base R.
# Run from the project folder: Rscript tools/example.R [folder]   (default data/processed)
library(DBI)
args <- commandArgs(trailingOnly = TRUE)
folder <- if (length(args) > 0) args[1] else "data/processed"

# SQLite: every table with its keys, the data dictionary (tables, fields, vocabularies) and views
con <- dbConnect(RSQLite::SQLite(), file.path(folder, "trendlib.sqlite"), flags = RSQLite::SQLITE_RO)
print(dbListTables(con))
tables <- dbGetQuery(con, "SELECT table_name FROM tables WHERE kind = 'data'")$table_name
for (name in tables) cat("sqlite", name, nrow(dbReadTable(con, name)), "\n")
cases <- dbReadTable(con, "cases")
str(cases[, c("case_id", "trend", "kind", "country", "level", "year")])
ties <- dbGetQuery(con, "SELECT relation_id, source_name_en, relation_type, target_name_en, case_title_en
                         FROM ties_named ORDER BY relation_id")
print(head(ties[, 1:4], 3))
print(dbGetQuery(con, "SELECT country, COUNT(*) AS cases FROM cases GROUP BY country
                       ORDER BY cases DESC, country LIMIT 5"))
dbDisconnect(con)

# CSV with base R: the same tables, one file each (an empty cell is NA)
for (name in tables) {
  df <- read.csv(file.path(folder, paste0(name, ".csv")), encoding = "UTF-8", na.strings = "")
  cat("csv", name, nrow(df), "\n")
}
cases <- read.csv(file.path(folder, "cases.csv"), encoding = "UTF-8", na.strings = "")
print(head(sort(table(cases$country), decreasing = TRUE), 5))
