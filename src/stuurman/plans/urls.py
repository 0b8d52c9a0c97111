"""Plan pages; each view declares its access policy (stuurman.privacy.declarations)."""

from django.urls import path

from .views import budgets, coordination, follow_up, parts, plan

app_name = "plans"

PLAN = "huishoudens/<int:household_id>/plannen/<int:plan_id>/"

urlpatterns = [
    path("huishoudens/<int:household_id>/plan/", plan.household, name="household"),
    path("huishoudens/<int:household_id>/plannen/nieuw/", plan.start, name="start"),
    path(PLAN, plan.detail, name="plan"),
    path(f"{PLAN}wijzigen/", plan.edit, name="edit"),
    path(f"{PLAN}akkoord/", plan.agreement, name="agreement"),
    path(f"{PLAN}versies/<int:number>/", plan.agreed_version, name="agreed_version"),
    path(f"{PLAN}versies/<int:number>/plan.pdf", plan.version_pdf, name="version_pdf"),
    path(f"{PLAN}plan.pdf", plan.plan_pdf, name="pdf"),
    path(f"{PLAN}wijzigingen/", plan.history, name="history"),
    path(f"{PLAN}doelen/nieuw/", parts.goal_new, name="goal_new"),
    path(f"{PLAN}doelen/<int:goal_id>/", parts.goal_edit, name="goal_edit"),
    path(f"{PLAN}inzet/nieuw/", parts.contribution_new, name="contribution_new"),
    path(f"{PLAN}inzet/<int:contribution_id>/", parts.contribution_edit, name="contribution_edit"),
    path(f"{PLAN}inzet/<int:contribution_id>/beschikking/", parts.decision, name="decision"),
    path(f"{PLAN}inzet/<int:contribution_id>/toewijzing/", parts.assignment, name="assignment"),
    path(f"{PLAN}regie/", coordination.coordinate, name="coordinate"),
    path(f"{PLAN}escalaties/nieuw/", coordination.escalate, name="escalate"),
    path(f"{PLAN}escalaties/<int:escalation_id>/", coordination.resolve, name="resolve"),
    path(f"{PLAN}evaluatie/", follow_up.review, name="review"),
    path("opvolging/", follow_up.team_list, name="follow_up"),
    path("mijn-plannen/", follow_up.mine, name="mine"),
    path("budgetten/", budgets.budget_list, name="budgets"),
]
