/** template.yaml read (CloudFormation tags, intrinsic functions) and provisioned on the local AWS endpoint. */
package kr.seoullearn.local.template;
