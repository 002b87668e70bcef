"""The publication types a press office starts with; editors may add more in the admin."""

from django.db import migrations

# code: ({language: name}, {language: plural name})
TYPES = {
    "speech": (
        {"en": "Speech", "ru": "Выступление", "de": "Rede", "fr": "Discours",
         "es": "Discurso", "ar": "كلمة"},
        {"en": "Speeches", "ru": "Выступления", "de": "Reden", "fr": "Discours",
         "es": "Discursos", "ar": "كلمات"},
    ),
    "statement": (
        {"en": "Statement", "ru": "Заявление", "de": "Erklärung", "fr": "Déclaration",
         "es": "Declaración", "ar": "بيان"},
        {"en": "Statements", "ru": "Заявления", "de": "Erklärungen", "fr": "Déclarations",
         "es": "Declaraciones", "ar": "بيانات"},
    ),
    "interview": (
        {"en": "Interview", "ru": "Интервью", "de": "Interview", "fr": "Entretien",
         "es": "Entrevista", "ar": "مقابلة"},
        {"en": "Interviews", "ru": "Интервью", "de": "Interviews", "fr": "Entretiens",
         "es": "Entrevistas", "ar": "مقابلات"},
    ),
    "article": (
        {"en": "Article", "ru": "Статья", "de": "Artikel", "fr": "Article",
         "es": "Artículo", "ar": "مقال"},
        {"en": "Articles", "ru": "Статьи", "de": "Artikel", "fr": "Articles",
         "es": "Artículos", "ar": "مقالات"},
    ),
    "press_release": (
        {"en": "Press release", "ru": "Сообщение для СМИ", "de": "Pressemitteilung",
         "fr": "Communiqué de presse", "es": "Comunicado de prensa", "ar": "بيان صحفي"},
        {"en": "Press releases", "ru": "Сообщения для СМИ", "de": "Pressemitteilungen",
         "fr": "Communiqués de presse", "es": "Comunicados de prensa", "ar": "بيانات صحفية"},
    ),
    "briefing": (
        {"en": "Briefing", "ru": "Брифинг", "de": "Briefing", "fr": "Point de presse",
         "es": "Rueda informativa", "ar": "إحاطة إعلامية"},
        {"en": "Briefings", "ru": "Брифинги", "de": "Briefings", "fr": "Points de presse",
         "es": "Ruedas informativas", "ar": "إحاطات إعلامية"},
    ),
    "comment": (
        {"en": "Comment", "ru": "Комментарий", "de": "Kommentar", "fr": "Commentaire",
         "es": "Comentario", "ar": "تعليق"},
        {"en": "Comments", "ru": "Комментарии", "de": "Kommentare", "fr": "Commentaires",
         "es": "Comentarios", "ar": "تعليقات"},
    ),
    "answer_to_media": (
        {"en": "Answer to media questions", "ru": "Ответ на вопрос СМИ",
         "de": "Antwort auf Medienfragen", "fr": "Réponse aux questions des médias",
         "es": "Respuesta a preguntas de los medios", "ar": "رد على أسئلة وسائل الإعلام"},
        {"en": "Answers to media questions", "ru": "Ответы на вопросы СМИ",
         "de": "Antworten auf Medienfragen", "fr": "Réponses aux questions des médias",
         "es": "Respuestas a preguntas de los medios", "ar": "ردود على أسئلة وسائل الإعلام"},
    ),
}


def seed_types(apps, schema_editor):
    PublicationType = apps.get_model("speeches", "PublicationType")
    for position, (code, (names, plurals)) in enumerate(TYPES.items()):
        fields = {"position": position, "name": names["en"], "plural_name": plurals["en"]}
        for language, name in names.items():
            fields[f"name_{language}"] = name
            fields[f"plural_name_{language}"] = plurals[language]
        PublicationType.objects.update_or_create(code=code, defaults=fields)


def remove_types(apps, schema_editor):
    PublicationType = apps.get_model("speeches", "PublicationType")
    PublicationType.objects.filter(code__in=TYPES, publications__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("speeches", "0001_initial")]

    operations = [migrations.RunPython(seed_types, remove_types)]
