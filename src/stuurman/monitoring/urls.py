from django.urls import path

from . import team_views, views

app_name = "monitoring"

urlpatterns = [
    path("monitor/", views.indicators, name="indicators"),
    path("monitor/grafiek/<slug:section>.svg", views.chart, name="chart"),
    path("monitor/export.csv", views.export_csv, name="export_csv"),
    path("monitor/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("monitor/rapport.pdf", views.report_pdf, name="report_pdf"),
    path("monitor/verversen/", views.refresh_now, name="refresh"),
    path("dashboard/team/", team_views.team, name="team"),
    path("dashboard/regie/", team_views.oversight, name="oversight"),
]
