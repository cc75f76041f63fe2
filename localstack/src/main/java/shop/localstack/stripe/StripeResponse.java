package shop.localstack.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Stripe's answer: status, JSON body, and whether it replays an earlier answer to the same key. */
record StripeResponse(int status, ObjectNode body, boolean replayed) {}
