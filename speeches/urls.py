from django.urls import path

from speeches import feeds, views

app_name = "speeches"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("publications/", views.PublicationListView.as_view(), name="archive"),
    path("publications/<int:pk>/", views.publication_detail, name="detail"),
    path("publications/<int:pk>/<str:slug>/", views.publication_detail, name="detail"),
    path("feeds/<str:format>/", feeds.feed, name="feed"),
    path("feeds/<str:format>/<str:facet>/<str:value>/", feeds.feed, name="feed_facet"),
]
