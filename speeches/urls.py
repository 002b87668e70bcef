from django.urls import path

from speeches import views

app_name = "speeches"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("publications/", views.PublicationListView.as_view(), name="archive"),
    path("publications/<int:pk>/", views.publication_detail, name="detail"),
    path("publications/<int:pk>/<str:slug>/", views.publication_detail, name="detail"),
]
