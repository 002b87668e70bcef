"""Materials' files on S3-compatible object storage (django-storages' S3Storage), as every
application server of a scaled-out deployment shares them, against moto's S3 server on the
loopback: uploads and renditions land in the bucket, readers get them through /files/
under the public rule, and an object lost from the bucket is a 404, never a 500."""

import io

import pytest
from PIL import Image

from speeches.corpus.serving import free_port
from speeches.models import Material, Publication, PublicationMaterial
from speeches.publishing import services
from tests import media_files
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

BUCKET = "press-office-media"
CREDENTIALS = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}


@pytest.fixture(scope="module")
def s3_endpoint():
    # Imported here, not at the top: every xdist worker collects this module, and moto
    # with boto3 take a second to import.
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    """An empty private bucket, and the settings a deployment sets for it (.env.example)."""
    import boto3

    s3 = boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS)
    s3.create_bucket(Bucket=BUCKET)
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_endpoint
    settings.AWS_S3_REGION_NAME = CREDENTIALS["region_name"]
    settings.AWS_ACCESS_KEY_ID = CREDENTIALS["aws_access_key_id"]
    settings.AWS_SECRET_ACCESS_KEY = CREDENTIALS["aws_secret_access_key"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    }
    yield s3
    for stored in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=stored["Key"])
    s3.delete_bucket(Bucket=BUCKET)


def photo_on(publication: Publication) -> Material:
    photo = services.material_save(
        material=Material(kind="photo", file=media_files.photo(), alt_text_en="A photo")
    )
    PublicationMaterial.objects.create(publication=publication, material=photo)
    return photo


def keys(s3) -> set[str]:
    return {stored["Key"] for stored in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_photos_and_renditions_live_in_the_bucket_and_readers_get_them_by_the_rule(bucket, client):
    public = photo_on(PublicationFactory(title_en="A public statement"))
    draft = photo_on(PublicationFactory(status=Publication.Status.DRAFT))
    stored = keys(bucket)
    assert public.file.name in stored
    for size in ("thumb", "medium", "large"):
        assert public.renditions[size]["jpeg"] in stored
        assert public.renditions[size]["webp"] in stored

    answer = client.get(f"/files/{public.pk}/thumb-jpeg/photo.jpg")
    assert answer.status_code == 200
    thumbnail = Image.open(io.BytesIO(b"".join(answer.streaming_content)))
    assert thumbnail.format == "JPEG" and max(thumbnail.size) <= 480
    assert answer["Last-Modified"]
    revalidated = client.get(
        f"/files/{public.pk}/thumb-jpeg/photo.jpg", HTTP_IF_MODIFIED_SINCE=answer["Last-Modified"]
    )
    assert revalidated.status_code == 304

    # A draft's file is in the bucket, and no reader gets it.
    assert draft.file.name in stored
    assert client.get(f"/files/{draft.pk}/thumb-jpeg/photo.jpg").status_code == 404


def test_an_object_lost_from_the_bucket_is_a_404_not_a_server_error(bucket, client):
    public = photo_on(PublicationFactory())
    bucket.delete_object(Bucket=BUCKET, Key=public.renditions["thumb"]["jpeg"])
    assert client.get(f"/files/{public.pk}/thumb-jpeg/photo.jpg").status_code == 404
    assert client.get(f"/files/{public.pk}/medium-jpeg/photo.jpg").status_code == 200
