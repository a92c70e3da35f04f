"""What happens when an approval workflow finishes."""


def publish_approved(workflow_state, user=None) -> None:
    """Publishes the approved revision.

    The approval itself is the permission: HR members may not publish role profiles
    directly (they have no publish permission on them), but a peer's approval at the
    end of the workflow publishes the submitted revision in the approver's name.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
