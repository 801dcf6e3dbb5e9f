/** The CDK app and the reusable ReadinessAuditor construct (see the CDK issue). */
package io.irready.infra;
