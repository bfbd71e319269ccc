"""/feedback answered ahead of Chainlit's route, on the signed-in user's own steps only.

Chainlit's route writes the feedback the browser sends (any step id, any thread id) and
deletes any feedback id it is given. These routes write feedback only on a step of one of
the user's threads (the thread taken from the step) and delete only the user's own; anything
else is 404, the answer for a missing step, so ids cannot be probed.
"""

from __future__ import annotations

from typing import Annotated, Any

from chainlit.auth import get_current_user
from chainlit.types import DeleteFeedbackRequest, UpdateFeedbackRequest
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse

from greenlight.chat.datalayer import GreenlightDataLayer

__all__ = ["feedback_router"]


def _identifier(user: Any) -> str:
    identifier = getattr(user, "identifier", None)
    if not identifier:
        raise HTTPException(status_code=401, detail="Sign in first")
    return str(identifier)


def feedback_router(layer: GreenlightDataLayer) -> APIRouter:
    """PUT and DELETE /feedback, bound to the signed-in user's threads."""
    router = APIRouter()

    @router.put("/feedback")
    async def update_feedback(
        update: UpdateFeedbackRequest, user: Annotated[Any, Depends(get_current_user)]
    ) -> JSONResponse:
        feedback_id = await layer.save_feedback(update.feedback, _identifier(user))
        if feedback_id is None:
            raise HTTPException(status_code=404, detail="Message not found")
        return JSONResponse({"success": True, "feedbackId": feedback_id})

    @router.delete("/feedback")
    async def delete_feedback(
        payload: DeleteFeedbackRequest, user: Annotated[Any, Depends(get_current_user)]
    ) -> JSONResponse:
        if not await layer.remove_feedback(payload.feedbackId, _identifier(user)):
            raise HTTPException(status_code=404, detail="Feedback not found")
        return JSONResponse({"success": True})

    return router
