from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Team, User


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]


@admin.register(User)
class HgUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Team", {"fields": ("team", "functie")}),)
    list_display = ["username", "first_name", "last_name", "team", "is_active"]
    list_filter = ["team", "groups", "is_active"]
