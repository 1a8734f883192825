"""trendlib: Deloitte Government Trends 2023 (zh) as traceable data."""
