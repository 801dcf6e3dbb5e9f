/** The CDK app, and the ReadinessAuditor construct it is made of so that other CDK apps can embed irready. */
package io.irready.infra;
