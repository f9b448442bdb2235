/**
 * Policy tests written as data beside the rules ({@code rules/tests/*.yaml}). Entry points:
 * {@link org.responsepolicy.policytest.PolicyCases#read} and {@link org.responsepolicy.policytest.PolicyCaseRunner}.
 */
package org.responsepolicy.policytest;
