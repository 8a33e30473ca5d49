# R's survey on the benchmark data (called by bench/stats/run.ts):
#   Rscript bench/stats/run-r.R DATA.csv MARGINS.json OUT.json EPSILON MAXIT
suppressPackageStartupMessages({ library(survey); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
margins <- fromJSON(args[2], simplifyVector = FALSE)
epsilon <- as.numeric(args[4]); maxit <- as.integer(args[5])
clock <- function() unname(proc.time()[["elapsed"]])
start <- clock()
data <- read.csv(args[1], stringsAsFactors = FALSE)
t_read <- clock()
design <- svydesign(ids = ~psu, strata = ~country, weights = ~pw, data = data)
t_design <- clock()
population <- lapply(margins, function(m) { df <- data.frame(names(m$targets), unlist(m$targets)); names(df) <- c(m$variable, "Freq"); df })
raked <- rake(design, lapply(margins, function(m) as.formula(paste("~", m$variable))), population,
              control = list(epsilon = epsilon, maxit = maxit))
t_rake <- clock()
items <- grep("^q[0-9]+$", names(data), value = TRUE)
props <- svymean(as.formula(paste("~", paste(items, collapse = "+"))), raked)
t_props <- clock()
by_country <- svyby(~score, ~country, raked, svymean)
t_end <- clock()
yes <- grep("yes$", names(coef(props)))
write(toJSON(list(
  seconds = list(read = t_read - start, design = t_design - t_read, rake = t_rake - t_design,
                 proportions = t_props - t_rake, byCountry = t_end - t_props, total = t_end - start),
  proportions = lapply(yes, function(k) list(item = sub("yes$", "", names(coef(props))[k]), estimate = unname(coef(props)[k]), se = unname(SE(props)[k]))),
  score = lapply(seq_len(nrow(by_country)), function(i) list(country = as.character(by_country$country[i]),
                                                          estimate = unname(coef(by_country)[i]), se = unname(SE(by_country)[i])))
), auto_unbox = TRUE, digits = NA), args[3])
